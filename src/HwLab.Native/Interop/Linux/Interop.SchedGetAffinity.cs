using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>sched_getaffinity(2). Fails with EINVAL when the mask is smaller than the kernel's nr_cpu_ids.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "sched_getaffinity", SetLastError = true)]
        internal static unsafe partial int SchedGetAffinity(int pid, nuint cpusetsize, ulong* mask);
    }
}
