using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Kernel32
    {
        [LibraryImport(Libraries.Kernel32)]
        internal static unsafe partial void GetCurrentProcessorNumberEx(PROCESSOR_NUMBER* procNumber);
    }
}
