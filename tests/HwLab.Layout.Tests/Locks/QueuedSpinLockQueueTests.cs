using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
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

        Exception? managed = null, native = null;
        var thread = new Thread(() =>
        {
            managed = Record.Exception(() => ClusterQueuedSpinLock.Lock(ci));
            native = Record.Exception(() => NativeClusterQueuedSpinLock.Lock(ci));
        });
        thread.Start();
        thread.Join();

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
            Exception? taken = null;
            var other = new Thread(() => taken = Record.Exception(() => nodes.Attach(0)));
            other.Start();
            other.Join();
            Assert.IsType<InvalidOperationException>(taken);

            Exception? foreignDispose = null;
            var stranger = new Thread(() => foreignDispose = Record.Exception(cpu.Dispose));
            stranger.Start();
            stranger.Join();
            Assert.IsType<InvalidOperationException>(foreignDispose);
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
        var first = new Thread(() => nodes.Attach(0));
        first.Start();
        first.Join();

        Exception? second = null;
        var next = new Thread(() => second = Record.Exception(() => nodes.Attach(0).Dispose()));
        next.Start();
        next.Join();
        Assert.Null(second);
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
            Exception? late = null;
            var other = new Thread(() => late = Record.Exception(() => nodes.Attach(1)));
            other.Start();
            other.Join();
            Assert.IsType<ObjectDisposedException>(late);
        }
    }

    // CPU 0 is the owner (this thread), CPU 1 the pending waiter, CPUs 2 and 3 queue in that order.
    private static unsafe void RunRounds<TLock>()
        where TLock : struct, IClusterLock
    {
        using var array = ClusterArray<swap_cluster_info_spinlock>.Allocate(1);
        swap_cluster_info_spinlock* ci = array.ElementPointer(0);
        using QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(1 + Waiters, lineSize: 64);
        using QueuedSpinLockCpu owner = nodes.Attach(0);
        for (int round = 0; round < Rounds; round++)
        {
            int[] order = new int[Waiters];
            var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
            uint before = swap_cluster_info_spinlock.cluster_count(ref *ci);
            TLock.Lock(ci);
            var waiters = new Thread[Waiters];
            for (int w = 0; w < Waiters; w++)
            {
                int cpu = 1 + w;
                waiters[w] = new Thread(() =>
                {
                    try
                    {
                        using QueuedSpinLockCpu attached = nodes.Attach(cpu);
                        TLock.Lock(ci);
                        uint count = swap_cluster_info_spinlock.cluster_count(ref *ci);
                        order[count - before] = cpu;
                        swap_cluster_info_spinlock.cluster_set_count(ref *ci, count + 1);
                        TLock.Unlock(ci);
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue(e);
                    }
                });
                waiters[w].Start();
                uint expected = cpu == 1 ? _Q_PENDING_VAL | _Q_LOCKED_VAL : encode_tail(cpu, 0) | _Q_PENDING_VAL | _Q_LOCKED_VAL;
                Assert.True(
                    SpinWait.SpinUntil(() => Volatile.Read(ref ci->@lock.val) == expected, s_patience),
                    $"round {round}: CPU {cpu} never got in line: the word is {ci->@lock.val:x8}, not {expected:x8}. {string.Join("; ", failures)}");
            }

            TLock.Unlock(ci);
            foreach (Thread waiter in waiters)
            {
                Assert.True(waiter.Join(s_patience), $"round {round}: a waiter never got the lock");
            }
            Assert.Empty(failures);
            Assert.Equal([1, 2, 3], order);
            Assert.Equal(before + Waiters, swap_cluster_info_spinlock.cluster_count(ref *ci));
            Assert.Equal(0u, ci->@lock.val);
        }

        // Every round: one pending hand-over (CPU 1) and two queued callers (CPUs 2 and 3), nothing else.
        Assert.Equal(((long)Rounds, 2L * Rounds), nodes.Counts());
        Assert.True(nodes.AllNodesFree());
    }
}
