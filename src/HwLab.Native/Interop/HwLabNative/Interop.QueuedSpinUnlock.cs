using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class HwLabNative
    {
        /// <summary>hwlab_queued_spin_unlock: a release store of 0 to the locked byte. It never waits, so it skips the GC transition.</summary>
        [LibraryImport(Libraries.HwLabNative, EntryPoint = "hwlab_queued_spin_unlock")]
        [SuppressGCTransition]
        internal static unsafe partial void QueuedSpinUnlock(uint* lockWord);
    }
}
