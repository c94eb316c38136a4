using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class HwLabNative
    {
        /// <summary>hwlab_queued_spin_lock: fast path, pending bit, then the MCS queue on the node table. It may spin, so it keeps its GC transition.</summary>
        [LibraryImport(Libraries.HwLabNative, EntryPoint = "hwlab_queued_spin_lock")]
        internal static unsafe partial void QueuedSpinLock(uint* lockWord, void* cpus, int stride, int cpu);
    }
}
