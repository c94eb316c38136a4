using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Kernel32
    {
        internal const uint MEM_RELEASE = 0x8000;

        [LibraryImport(Libraries.Kernel32, SetLastError = true)]
        internal static unsafe partial int VirtualFree(void* lpAddress, nuint dwSize, uint dwFreeType);
    }
}
