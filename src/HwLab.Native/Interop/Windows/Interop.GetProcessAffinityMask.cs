using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Kernel32
    {
        [LibraryImport(Libraries.Kernel32, SetLastError = true)]
        internal static unsafe partial int GetProcessAffinityMask(nint hProcess, nuint* lpProcessAffinityMask, nuint* lpSystemAffinityMask);
    }
}
