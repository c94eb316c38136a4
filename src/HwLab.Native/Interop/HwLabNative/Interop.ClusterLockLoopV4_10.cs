using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class HwLabNative
    {
        /// <summary>hwlab_cluster_lock_loop_v4_10: the same loop with <c>lock btsl</c> and <c>lock andb</c>, as v4.10 assembled them. It may spin, so it keeps its GC transition.</summary>
        [LibraryImport(Libraries.HwLabNative, EntryPoint = "hwlab_cluster_lock_loop_v4_10")]
        internal static unsafe partial ulong ClusterLockLoopV4_10(ulong* cluster, ulong iterations);
    }
}
