using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native.Tests;
using HwLab.Native.Threading;

namespace HwLab.Layout.Tests.Locks;

/// <summary>
/// The validate test for the managed and the native queued spinlock, counting from the node
/// table's per-CPU counters how often the slow path was taken: a run in which every call took
/// the cmpxchg fast path would prove nothing about the pending bit or the queue.
/// </summary>
/// <remarks>
/// One thread per CPU, as the other locks' validate tests: a FIFO spinlock on more threads than
/// CPUs waits a whole time slice whenever the next waiter in line is descheduled (3 threads on
/// one cluster of the 2-vCPU KVM guest, with other builds keeping its load average near 10,
/// managed about 40 lock hand-overs a second per thread). With two threads the
/// slow path is nearly always the pending bit, and a caller queues only when the pending waiter
/// is preempted; <see cref="QueuedSpinLockQueueTests"/> builds the queue on purpose.
/// </remarks>
public sealed class QueuedSpinLockValidationTests
{
    private const int Updates = 200_000;

    public static TheoryData<string, string> Cases => LockValidation.Cases(ClusterQueuedSpinLock.Name, NativeClusterQueuedSpinLock.Name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_update_under_the_lock_is_kept_and_the_slow_path_was_taken(string lockName, string placement)
    {
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs so threads contend in parallel");
        // Another process may take a CPU for the whole run; only a run in which the threads
        // overlapped and at least one call left the fast path counts.
        Run run = Validate(lockName, placement, StressScale.Of(Updates));
        for (int retry = 0; retry < 10 && !run.Contended; retry++)
        {
            run = Validate(lockName, placement, StressScale.Of(Updates));
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{LockValidation.Threads} threads: {run.Pending} calls took the pending path, {run.Queued} queued");

        Assert.True(run.Outcome.Overlapped, "the threads never ran at the same time, so the lock was never contended");
        Assert.True(run.Pending + run.Queued > 0, "every call took the fast path: the slow path was never tested");
        Assert.All(run.Outcome.Counts, count => Assert.Equal(run.Outcome.Expected, count));
        Assert.All(run.Outcome.LockedAtRest, Assert.False);
        // Not only unlocked: no pending bit and no tail left behind either.
        Assert.All(run.Outcome.LockWordsAtRest, word => Assert.Equal(0UL, word));
        Assert.True(run.NodesFree, "a queue node is still counted in use after every thread finished");
        if (LockValidation.Threads >= 3)
        {
            // Three CPUs make an owner, a pending waiter and a caller that must queue behind them.
            Assert.True(run.Queued > 0, "no call queued although three or more threads contended");
        }
    }

    [Fact]
    public void The_validate_test_catches_a_qspinlock_whose_pending_waiter_does_not_wait()
    {
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs so threads race in parallel");
        // Races are likely, not certain, in any one run: try a few times before calling the test blind.
        long lost = 0;
        for (int attempt = 0; attempt < 10 && lost == 0; attempt++)
        {
            LockValidation.Outcome outcome = Validate<BrokenClusterQueuedSpinLock>("one cluster", Updates).Outcome;
            lost = outcome.IsExact ? 0 : Math.Max(1, Math.Abs(outcome.LostUpdates));
        }
        Assert.True(lost > 0, "a qspinlock whose pending waiter takes the lock from its owner kept every update: the validate test cannot see it");
    }

    private static Run Validate(string lockName, string placement, int updates) => lockName switch
    {
        "qspinlock" => Validate<ClusterQueuedSpinLock>(placement, updates),
        "native-qspinlock" => Validate<NativeClusterQueuedSpinLock>(placement, updates),
        _ => throw new ArgumentOutOfRangeException(nameof(lockName), lockName, null),
    };

    // Each run gets a table of its own, so its counters are that run's.
    private static Run Validate<TLock>(string placement, int updates)
        where TLock : struct, IClusterLock
    {
        int threads = LockValidation.Threads;
        (int clusters, int stride) = LockValidation.Arrange<swap_cluster_info_spinlock>(placement, threads);
        // A waiter abandoned in a broken lock spins on its queue node: the team keeps the table alive for it.
        using var team = new TestThreads();
        QueuedSpinLockNodes nodes = team.Own(QueuedSpinLockNodes.Allocate(threads, lineSize: 64));
        LockValidation.Outcome outcome = LockValidation.Run<swap_cluster_info_spinlock, TLock>(team, clusters, stride, updates, threads, nodes.Attach);
        (long pending, long queued) = nodes.Counts();
        return new Run(outcome, pending, queued, nodes.AllNodesFree());
    }

    private sealed record Run(LockValidation.Outcome Outcome, long Pending, long Queued, bool NodesFree)
    {
        public bool Contended => Outcome.Overlapped && Pending + Queued > 0;
    }
}
