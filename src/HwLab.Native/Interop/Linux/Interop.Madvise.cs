using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From <linux/mman.h>: Mono.Posix only offers posix_madvise, which has no huge-page advice.
        internal const int MADV_HUGEPAGE = 14;
        internal const int MADV_NOHUGEPAGE = 15;

        [LibraryImport(Libraries.Libc, EntryPoint = "madvise", SetLastError = true)]
        internal static unsafe partial int Madvise(void* addr, nuint length, int advice);
    }
}
