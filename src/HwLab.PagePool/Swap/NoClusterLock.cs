using HwLab.Layout.Locks;

namespace HwLab.PagePool.Swap;

/// <summary>The cluster "lock" of <see cref="SwapLockMode.Device"/>: none, because si->lock already covers everything.</summary>
public readonly struct NoClusterLock : IClusterLock
{
    public static string Name => "device";

    public static int WordSize => 0;

    public static unsafe void Lock(void* cluster)
    {
    }

    public static unsafe bool TryLock(void* cluster) => true;

    public static unsafe void Unlock(void* cluster)
    {
    }

    public static unsafe bool IsLocked(void* cluster) => false;
}
