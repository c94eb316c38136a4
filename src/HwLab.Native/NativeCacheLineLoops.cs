namespace HwLab.Native;

/// <summary>
/// The C loops of native-layout/src/cache_line_loops.c: the kernel's primitives running a whole
/// batch per call, the native side of every managed-versus-native comparison.
/// </summary>
public static unsafe class NativeCacheLineLoops
{
    /// <summary>
    /// <paramref name="iterations"/> times: take the bit lock (bit 2) of the seed-form cluster at
    /// <paramref name="cluster"/> with <c>lock bts</c>, add one to its count, release. Returns the count after.
    /// </summary>
    public static ulong ClusterLockLoop(ulong* cluster, long iterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        return Interop.HwLabNative.ClusterLockLoop(cluster, (ulong)iterations);
    }

    /// <summary>
    /// <see cref="ClusterLockLoop"/> with the lock's instructions at the widths v4.10's x86 bitops.h
    /// assembles for the constant lock bit: <c>lock btsl</c> to take it, <c>lock andb</c> to release it.
    /// </summary>
    public static ulong ClusterLockLoopV4_10(ulong* cluster, long iterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        return Interop.HwLabNative.ClusterLockLoopV4_10(cluster, (ulong)iterations);
    }

    /// <summary>
    /// One side of a compare-and-swap ping-pong on <paramref name="line"/>: role 0 turns 2r into 2r + 1,
    /// role 1 turns 2r + 1 into 2r + 2, for rounds <paramref name="firstRound"/> onward.
    /// </summary>
    public static ulong PingPong(ulong* line, int role, long firstRound, long rounds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstRound);
        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        if (role is not (0 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "0 pings, 1 pongs.");
        }
        return Interop.HwLabNative.PingPong(line, role, (ulong)firstRound, (ulong)rounds);
    }
}
