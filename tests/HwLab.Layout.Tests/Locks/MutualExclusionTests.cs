using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native.Tests;
using HwLab.Native.Threading;

namespace HwLab.Layout.Tests.Locks;

public sealed class MutualExclusionTests
{
    // concurrencykit's validate runs go to millions of updates; every lock here takes at least 10^7 in all.
    private const int TotalUpdates = 10_000_000;

    private static int UpdatesPerThread => StressScale.Of((TotalUpdates + LockValidation.Threads - 1) / LockValidation.Threads);

    public static TheoryData<string, string> Cases => LockValidation.Cases("bitlock", "bitlock-cas", "bitlock-xadd", "bitlock-backoff", "bitlock-store", "native-bitlock", "ticket");

    public static TheoryData<string> BrokenShapes => ["bitlock", "bitlock-cas", "bitlock-xadd", "bitlock-backoff"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_update_under_the_lock_is_kept(string lockName, string placement)
    {
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs so threads contend in parallel");
        // Another process may take a CPU for the whole run; only a run in which the threads overlapped counts.
        LockValidation.Outcome outcome = Validate(lockName, placement, UpdatesPerThread);
        for (int retry = 0; retry < 10 && !outcome.Overlapped; retry++)
        {
            outcome = Validate(lockName, placement, UpdatesPerThread);
        }
        // 10^7 at the CI's scale; a run that asked for less work (HWLAB_STRESS_SCALE below 1) gets its share of it.
        Assert.True(outcome.Expected * outcome.Counts.Length >= StressScale.Of(TotalUpdates), $"only {outcome.Expected * outcome.Counts.Length} updates were made");
        Assert.True(outcome.Overlapped, "the threads never ran at the same time, so the lock was never contended");
        Assert.All(outcome.LockedAtRest, Assert.False);
        Assert.All(outcome.Counts, count => Assert.Equal(outcome.Expected, count));
    }

    [Theory]
    [MemberData(nameof(BrokenShapes))]
    public void The_validate_test_catches_each_shape_broken(string shape)
    {
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs so threads race in parallel");
        // Races are likely, not certain, in any one run: try a few times before calling the test blind.
        long lost = 0;
        for (int attempt = 0; attempt < 10 && lost == 0; attempt++)
        {
            LockValidation.Outcome outcome = shape switch
            {
                "bitlock" => LockValidation.Run<swap_cluster_info_seed, BrokenBitLock<BrokenAcquires.Or>>(1, 0, BrokenUpdates),
                "bitlock-cas" => LockValidation.Run<swap_cluster_info_seed, BrokenBitLock<BrokenAcquires.CompareExchange>>(1, 0, BrokenUpdates),
                "bitlock-xadd" => LockValidation.Run<swap_cluster_info_seed, BrokenBitLock<BrokenAcquires.FetchFirst>>(1, 0, BrokenUpdates),
                _ => LockValidation.Run<swap_cluster_info_seed, BrokenBitLock<BrokenAcquires.Backoff>>(1, 0, BrokenUpdates),
            };
            lost = outcome.IsExact ? 0 : Math.Max(1, Math.Abs(outcome.LostUpdates));
        }
        Assert.True(lost > 0, $"the {shape} shape without an atomic test-and-set kept every update: the validate test cannot see its races");
    }

    private const int BrokenUpdates = 300_000;

    [Theory]
    [InlineData("bitlock")]
    [InlineData("bitlock-cas")]
    [InlineData("bitlock-xadd")]
    [InlineData("bitlock-backoff")]
    [InlineData("bitlock-store")]
    [InlineData("native-bitlock")]
    [InlineData("ticket")]
    [InlineData("qspinlock")]
    [InlineData("native-qspinlock")]
    public void TryLock_fails_on_a_held_lock_and_changes_nothing(string lockName)
    {
        switch (lockName)
        {
            case "bitlock": CheckTryLock<swap_cluster_info_seed, ClusterBitLock>(); break;
            case "bitlock-cas": CheckTryLock<swap_cluster_info_seed, ClusterBitLock<BitLockForms.CompareExchange>>(); break;
            case "bitlock-xadd": CheckTryLock<swap_cluster_info_seed, ClusterBitLock<BitLockForms.FetchFirst>>(); break;
            case "bitlock-backoff": CheckTryLock<swap_cluster_info_seed, ClusterBitLock<BitLockForms.Backoff>>(); break;
            case "bitlock-store": CheckTryLock<swap_cluster_info_seed, ClusterBitLock<BitLockForms.NonAtomicRelease>>(); break;
            case "native-bitlock": CheckTryLock<swap_cluster_info_seed, NativeClusterBitLock>(); break;
            case "qspinlock": CheckTryLock<swap_cluster_info_spinlock, ClusterQueuedSpinLock>(); break;
            case "native-qspinlock": CheckTryLock<swap_cluster_info_spinlock, NativeClusterQueuedSpinLock>(); break;
            default: CheckTryLock<swap_cluster_info_spinlock, ClusterTicketLock>(); break;
        }
    }

    private static unsafe void CheckTryLock<TCluster, TLock>()
        where TCluster : unmanaged, IClusterInfo<TCluster>
        where TLock : struct, IClusterLock
    {
        using var array = ClusterArray<TCluster>.Allocate(1);
        TCluster* ci = array.ElementPointer(0);
        TCluster.cluster_set_count_flag(ref *ci, 99, SwapCluster.CLUSTER_FLAG_FREE);

        Assert.True(TLock.TryLock(ci));
        Assert.True(TLock.IsLocked(ci));
        byte[] held = new ReadOnlySpan<byte>(ci, sizeof(TCluster)).ToArray();
        Assert.False(TLock.TryLock(ci));
        Assert.Equal(held, new ReadOnlySpan<byte>(ci, sizeof(TCluster)).ToArray());

        TLock.Unlock(ci);
        Assert.False(TLock.IsLocked(ci));
        Assert.Equal(99u, TCluster.cluster_count(ref *ci));
        Assert.True(TCluster.cluster_is_free(ref *ci));
        Assert.True(TLock.TryLock(ci));
        TLock.Unlock(ci);
    }

    private static LockValidation.Outcome Validate(string lockName, string placement, int updates) => lockName switch
    {
        "bitlock" => Validate<swap_cluster_info_seed, ClusterBitLock>(placement, updates),
        "bitlock-cas" => Validate<swap_cluster_info_seed, ClusterBitLock<BitLockForms.CompareExchange>>(placement, updates),
        "bitlock-xadd" => Validate<swap_cluster_info_seed, ClusterBitLock<BitLockForms.FetchFirst>>(placement, updates),
        "bitlock-backoff" => Validate<swap_cluster_info_seed, ClusterBitLock<BitLockForms.Backoff>>(placement, updates),
        "bitlock-store" => Validate<swap_cluster_info_seed, ClusterBitLock<BitLockForms.NonAtomicRelease>>(placement, updates),
        "native-bitlock" => Validate<swap_cluster_info_seed, NativeClusterBitLock>(placement, updates),
        "ticket" => Validate<swap_cluster_info_spinlock, ClusterTicketLock>(placement, updates),
        _ => throw new ArgumentOutOfRangeException(nameof(lockName), lockName, null),
    };

    private static LockValidation.Outcome Validate<TCluster, TLock>(string placement, int updates)
        where TCluster : unmanaged, IClusterInfo<TCluster>
        where TLock : struct, IClusterLock
    {
        (int clusters, int stride) = LockValidation.Arrange<TCluster>(placement, LockValidation.Threads);
        return LockValidation.Run<TCluster, TLock>(clusters, stride, updates);
    }
}
