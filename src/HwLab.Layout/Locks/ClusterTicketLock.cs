using System.Runtime.CompilerServices;

namespace HwLab.Layout.Locks;

/// <summary>
/// The merged 4.11 cluster lock's 4-byte spinlock_t at the cluster's start, taken as a
/// <see cref="TicketLock"/>, x86's spinlock_t before 4.2. A 4.11 kernel on x86 took it as a queued
/// spinlock: <see cref="ClusterQueuedSpinLock"/>.
/// </summary>
public readonly struct ClusterTicketLock : IClusterLock
{
    public static string Name => "ticket";

    public static int WordSize => sizeof(uint);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Lock(void* cluster) => TicketLock.Lock(ref *(uint*)cluster);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool TryLock(void* cluster) => TicketLock.TryLock(ref *(uint*)cluster);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Unlock(void* cluster) => TicketLock.Unlock(ref *(uint*)cluster);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool IsLocked(void* cluster) => TicketLock.IsLocked(ref *(uint*)cluster);
}
