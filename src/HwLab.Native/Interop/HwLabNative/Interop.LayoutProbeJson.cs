using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class HwLabNative
    {
        /// <summary>hwlab_layout_probe_json: writes up to capacity bytes of JSON and returns the size needed, NUL included.</summary>
        [LibraryImport(Libraries.HwLabNative, EntryPoint = "hwlab_layout_probe_json")]
        internal static unsafe partial int LayoutProbeJson(byte* buffer, int capacity);
    }
}
