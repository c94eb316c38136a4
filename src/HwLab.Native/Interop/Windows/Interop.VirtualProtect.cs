using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Kernel32
    {
        internal const uint PAGE_NOACCESS = 0x01;

        [LibraryImport(Libraries.Kernel32, SetLastError = true)]
        internal static unsafe partial int VirtualProtect(void* lpAddress, nuint dwSize, uint flNewProtect, uint* lpflOldProtect);
    }
}
