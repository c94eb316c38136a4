using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class HwLabNative
    {
        /// <summary>hwlab_cluster_lock_loop: lock, count + 1, unlock, <paramref name="iterations"/> times. It may spin, so it keeps its GC transition.</summary>
        [LibraryImport(Libraries.HwLabNative, EntryPoint = "hwlab_cluster_lock_loop")]
        internal static unsafe partial ulong ClusterLockLoop(ulong* cluster, ulong iterations);
    }
}
