using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native.Threading;

namespace HwLab.Layout.Tests.Locks;

/// <summary>
/// A deliberately broken bit lock: it waits for the bit to clear and then sets it with a plain
/// read and write instead of an atomic test-and-set, so two threads can both see it clear and
/// both enter. The validate test must catch it, or the test proves nothing.
/// </summary>
internal readonly struct BrokenClusterBitLock : IClusterLock
{
    private const ulong Mask = 1UL << SwapCluster.CLUSTER_FLAG_LOCK_BIT;

    public static string Name => "broken-bitlock";

    public static int WordSize => sizeof(ulong);

    public static unsafe void Lock(void* cluster)
    {
        ulong* word = (ulong*)cluster;
        while ((Volatile.Read(ref *word) & Mask) != 0)
        {
            CpuRelax.Relax();
        }
        Volatile.Write(ref *word, Volatile.Read(ref *word) | Mask);
    }

    public static unsafe bool TryLock(void* cluster)
    {
        ulong* word = (ulong*)cluster;
        if ((Volatile.Read(ref *word) & Mask) != 0)
        {
            return false;
        }
        Volatile.Write(ref *word, Volatile.Read(ref *word) | Mask);
        return true;
    }

    public static unsafe void Unlock(void* cluster) => Volatile.Write(ref *(ulong*)cluster, Volatile.Read(ref *(ulong*)cluster) & ~Mask);

    public static unsafe bool IsLocked(void* cluster) => (Volatile.Read(ref *(ulong*)cluster) & Mask) != 0;
}
