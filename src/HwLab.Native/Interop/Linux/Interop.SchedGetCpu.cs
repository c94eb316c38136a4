using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>sched_getcpu(3): the CPU the calling thread is running on (vDSO; no system call on x86_64).</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "sched_getcpu", SetLastError = true)]
        internal static partial int SchedGetCpu();
    }
}
