using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class HwLabNative
    {
        /// <summary>hwlab_queued_spin_trylock: 1 when it took the lock. It never waits, so it skips the GC transition.</summary>
        [LibraryImport(Libraries.HwLabNative, EntryPoint = "hwlab_queued_spin_trylock")]
        [SuppressGCTransition]
        internal static unsafe partial int QueuedSpinTrylock(uint* lockWord);
    }
}
