using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native.Tests;
using static HwLab.Layout.Kernel.QspinlockTypes;

namespace HwLab.Layout.Tests.Locks;

/// <summary>
/// The queued spinlock's slow path built step by step: an owner, then a caller that becomes the
/// pending waiter, then two that queue, each started only once the lock word shows the one
/// before it in place. On any machine, two CPUs or two hundred, every hand-over of the slow path
/// is taken: owner to pending waiter, pending waiter to a queue head with a successor (set locked,
/// pass the head on), and a queue head alone in the queue (cmpxchg the tail away).
/// </summary>
public sealed class QueuedSpinLockQueueTests
{
    private const int Rounds = 20;
    private const int Waiters = 3;

    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("qspinlock")]
    [InlineData("native-qspinlock")]
    public void Waiters_get_the_lock_in_arrival_order_pending_first_then_the_queue(string lockName)
    {
        if (lockName == ClusterQueuedSpinLock.Name)
        {
            RunRounds<ClusterQueuedSpinLock>();
        }
        else
        {
            RunRounds<NativeClusterQueuedSpinLock>();
        }
    }

    [Fact]
    public unsafe void A_contended_lock_on_a_thread_without_a_CPU_is_refused_before_it_touches_the_word()
    {
        using var array = ClusterArray<swap_cluster_info_spinlock>.Allocate(1);
        swap_cluster_info_spinlock* ci = array.ElementPointer(0);
        ClusterQueuedSpinLock.Lock(ci); // the fast path needs no CPU

        (Exception? managed, Exception? native) = TestThreads.Run(() =>
            (Record.Exception(() => ClusterQueuedSpinLock.Lock(ci)), Record.Exception(() => NativeClusterQueuedSpinLock.Lock(ci))));

        Assert.IsType<InvalidOperationException>(managed);
        Assert.IsType<InvalidOperationException>(native);
        Assert.Equal(_Q_LOCKED_VAL, ci->@lock.val);
        ClusterQueuedSpinLock.Unlock(ci);
        Assert.Equal(0u, ci->@lock.val);
    }

    [Fact]
    public unsafe void A_word_whose_tail_names_a_CPU_outside_the_table_is_refused_not_followed()
    {
        using var array = ClusterArray<swap_cluster_info_spinlock>.Allocate(1);
        swap_cluster_info_spinlock* ci = array.ElementPointer(0);
        using QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(2, lineSize: 64);
        // A word some other table's CPU 7 queued on, or any other lock's bits.
        ci->@lock.val = encode_tail(7, 0) | _Q_LOCKED_VAL;

        using (nodes.Attach(0))
        {
            InvalidOperationException refused = Assert.Throws<InvalidOperationException>(() => ClusterQueuedSpinLock.Lock(ci));
            Assert.Contains("names CPU 7", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_CPU_has_one_thread_and_a_thread_one_CPU()
    {
        using QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(2, lineSize: 64);
        using (QueuedSpinLockCpu cpu = nodes.Attach(0))
        {
            Assert.Equal(0, cpu.Cpu);
            Assert.Throws<InvalidOperationException>(() => nodes.Attach(1));
            Assert.IsType<InvalidOperationException>(TestThreads.Run(() => Record.Exception(() => nodes.Attach(0))));
            Assert.IsType<InvalidOperationException>(TestThreads.Run(() => Record.Exception(cpu.Dispose)));
        }
        // Given back: the same thread may take another CPU, and CPU 0 is free again.
        using (nodes.Attach(1))
        {
        }
        using (nodes.Attach(0))
        {
        }
    }

    [Fact]
    public void A_CPU_whose_thread_ended_attached_is_free_for_the_next_thread()
    {
        using QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(1, lineSize: 64);
        // As a worker team's threads do: attach once pinned, end with the run, never detach.
        _ = TestThreads.Run(() => nodes.Attach(0));
        Assert.Null(TestThreads.Run(() => Record.Exception(() => nodes.Attach(0).Dispose())));
    }

    [Fact]
    public void The_table_pads_each_CPU_to_whole_lines_and_refuses_what_a_tail_cannot_name()
    {
        using (QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(3, lineSize: 64))
        {
            // 64 bytes of nodes and 16 of counters: two 64-byte lines, so the nodes start every other line.
            Assert.Equal(128, nodes.Stride);
            Assert.Equal(3, nodes.CpuCount);
        }
        using (QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(1, lineSize: 256))
        {
            Assert.Equal(256, nodes.Stride);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => QueuedSpinLockNodes.Allocate(MaxTailCpus + 1, 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => QueuedSpinLockNodes.Allocate(2, 48));
        Assert.Throws<ArgumentOutOfRangeException>(() => QueuedSpinLockNodes.Allocate(0, 64));
    }

    [Fact]
    public void A_table_disposed_while_a_thread_is_attached_takes_no_new_thread()
    {
        using QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(2, lineSize: 64);
        using (nodes.Attach(0))
        {
            nodes.Dispose();
            Assert.IsType<ObjectDisposedException>(TestThreads.Run(() => Record.Exception(() => nodes.Attach(1))));
        }
    }

    // CPU 0 is the owner (this thread), CPU 1 the pending waiter, CPUs 2 and 3 queue in that order.
    private static unsafe void RunRounds<TLock>()
        where TLock : struct, IClusterLock
    {
        // A waiter left in the lock still reads the word and its queue node: both must outlive it.
        using var team = new TestThreads();
        ClusterArray<swap_cluster_info_spinlock> array = team.Own(ClusterArray<swap_cluster_info_spinlock>.Allocate(1));
        swap_cluster_info_spinlock* ci = array.ElementPointer(0);
        QueuedSpinLockNodes nodes = team.Own(QueuedSpinLockNodes.Allocate(1 + Waiters, lineSize: 64));
        using QueuedSpinLockCpu owner = nodes.Attach(0);
        for (int round = 0; round < Rounds; round++)
        {
            int[] order = new int[Waiters];
            uint before = swap_cluster_info_spinlock.cluster_count(ref *ci);
            string? notInLine = null;
            TLock.Lock(ci);
            try
            {
                for (int w = 0; w < Waiters && notInLine is null; w++)
                {
                    int cpu = 1 + w;
                    team.Start(_ =>
                    {
                        using QueuedSpinLockCpu attached = nodes.Attach(cpu);
                        TLock.Lock(ci);
                        uint count = swap_cluster_info_spinlock.cluster_count(ref *ci);
                        order[count - before] = cpu;
                        swap_cluster_info_spinlock.cluster_set_count(ref *ci, count + 1);
                        TLock.Unlock(ci);
                    });
                    uint expected = cpu == 1 ? _Q_PENDING_VAL | _Q_LOCKED_VAL : encode_tail(cpu, 0) | _Q_PENDING_VAL | _Q_LOCKED_VAL;
                    // Stopping: a waiter failed, and Join below reports it.
                    if (!SpinWait.SpinUntil(() => Volatile.Read(ref ci->@lock.val) == expected || team.Stopping.IsCancellationRequested, s_patience))
                    {
                        notInLine = $"round {round}: CPU {cpu} never got in line: the word is {ci->@lock.val:x8}, not {expected:x8}";
                    }
                }
            }
            finally
            {
                // Released whatever happened, so the waiters in line get the lock and finish.
                TLock.Unlock(ci);
            }
            team.Join(s_patience);
            Assert.True(notInLine is null, notInLine);
            Assert.Equal([1, 2, 3], order);
            Assert.Equal(before + Waiters, swap_cluster_info_spinlock.cluster_count(ref *ci));
            Assert.Equal(0u, ci->@lock.val);
        }

        // Every round: one pending hand-over (CPU 1) and two queued callers (CPUs 2 and 3), nothing else.
        Assert.Equal(((long)Rounds, 2L * Rounds), nodes.Counts());
        Assert.True(nodes.AllNodesFree());
    }
}
