using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // Linux resource numbers (<asm-generic/resource.h>); Mono.Posix has no getrlimit.
        internal const int RLIMIT_MEMLOCK = 8;

        // RLIM_INFINITY on Linux: all bits set.
        internal const ulong RLIM_INFINITY = ulong.MaxValue;

        /// <summary>struct rlimit on 64-bit Linux: two rlim_t (unsigned long).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct rlimit
        {
            public ulong rlim_cur;
            public ulong rlim_max;
        }

        [LibraryImport(Libraries.Libc, EntryPoint = "getrlimit", SetLastError = true)]
        internal static unsafe partial int GetRLimit(int resource, rlimit* limit);
    }
}
