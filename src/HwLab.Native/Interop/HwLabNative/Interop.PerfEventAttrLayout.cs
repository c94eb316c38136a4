using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class HwLabNative
    {
        /// <summary>
        /// Fills <paramref name="layout"/> from the compiled &lt;linux/perf_event.h&gt;. Returns 1 when it
        /// did, 0 on an OS without perf_event_open, -1 when the installed header predates Linux 5.13.
        /// </summary>
        [LibraryImport(Libraries.HwLabNative, EntryPoint = "hwlab_perf_event_attr_layout")]
        internal static unsafe partial int PerfEventAttrLayout(hwlab_perf_event_attr_layout* layout);
    }
}
