using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Kernel32
    {
        /// <summary>The calling process's pseudo-handle; it needs no CloseHandle.</summary>
        [LibraryImport(Libraries.Kernel32)]
        internal static partial nint GetCurrentProcess();
    }
}
