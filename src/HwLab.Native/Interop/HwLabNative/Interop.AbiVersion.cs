using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class HwLabNative
    {
        [LibraryImport(Libraries.HwLabNative, EntryPoint = "hwlab_native_abi_version")]
        internal static partial int AbiVersion();

        [LibraryImport(Libraries.HwLabNative, EntryPoint = "hwlab_native_version")]
        internal static unsafe partial byte* Version();
    }
}
