using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From <sys/file.h>; Mono.Posix has no flock.
        internal const int LOCK_EX = 2;
        internal const int LOCK_NB = 4;

        /// <summary>flock(2): an advisory lock on the open file description, released when the last fd to it closes.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "flock", SetLastError = true)]
        internal static partial int Flock(HwLab.Native.Files.SafeLockFileHandle fd, int operation);
    }
}
