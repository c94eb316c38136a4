using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native.Tests;
using static HwLab.Layout.Kernel.QspinlockTypes;

namespace HwLab.Layout.Tests.Locks;

/// <summary>
/// The per-CPU node table's bookkeeping: which thread owns which CPU's nodes, which node a tail
/// names, and when the memory goes back; no lock is taken here, the words are read and set directly.
/// </summary>
public sealed unsafe class QueuedSpinLockNodesTests
{
    [Theory]
    [InlineData(16, 80)]
    [InlineData(64, 128)]
    [InlineData(4096, 4096)]
    public void Each_CPU_takes_whole_lines_of_the_size_given(int lineSize, int stride)
    {
        using QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(2, lineSize);

        Assert.Equal(stride, nodes.Stride);
        Assert.Equal(lineSize, nodes.LineSize);
        Assert.Equal(stride, (long)((byte*)nodes.Cpu(1) - (byte*)nodes.First));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(8192)]
    [InlineData(96)]
    public void A_line_size_that_is_no_power_of_two_from_16_to_4096_is_refused(int lineSize)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => QueuedSpinLockNodes.Allocate(1, lineSize));

        Assert.StartsWith("A cache line size is a power of two from 16 to 4096 bytes.", e.Message, StringComparison.Ordinal);
        Assert.Equal(lineSize, e.ActualValue);
    }

    [Fact]
    public void A_CPU_outside_the_table_or_a_thread_attached_twice_is_refused()
    {
        using QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(2, lineSize: 64);

        Assert.Throws<ArgumentOutOfRangeException>(() => nodes.Attach(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => nodes.Attach(2));
        using (nodes.Attach(1))
        {
            var twice = Assert.Throws<InvalidOperationException>(() => nodes.Attach(0));
            Assert.Equal("This thread is already CPU 1 of a queued spinlock node table; detach it first.", twice.Message);
        }
    }

    [Fact]
    public void A_CPU_held_by_a_live_thread_names_that_thread()
    {
        using QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(1, lineSize: 64);
        using (nodes.Attach(0))
        {
            int owner = Environment.CurrentManagedThreadId;

            Exception? e = TestThreads.Run(() => Record.Exception(() => nodes.Attach(0)));

            Assert.Equal(
                $"CPU 0 of the queued spinlock node table belongs to thread {owner}; a CPU's nodes must have one thread.",
                Assert.IsType<InvalidOperationException>(e).Message);
        }
    }

    [Fact]
    public void The_memory_goes_back_when_the_table_is_disposed_and_no_live_thread_is_attached()
    {
        QueuedSpinLockNodes idle = QueuedSpinLockNodes.Allocate(1, lineSize: 64);
        idle.Dispose();
        Assert.True(idle.IsReleased);

        using QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(2, lineSize: 64);
        QueuedSpinLockCpu cpu = nodes.Attach(1);
        nodes.Dispose();
        Assert.False(nodes.IsReleased);
        cpu.Dispose();
        Assert.True(nodes.IsReleased);
    }

    [Fact]
    public void A_CPU_taken_over_from_an_ended_thread_is_counted_once()
    {
        QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(2, lineSize: 64);
        _ = TestThreads.Run(() => nodes.Attach(0)); // ends attached, as a worker of a finished run
        _ = TestThreads.Run(() => nodes.Attach(1));
        nodes.Attach(0).Dispose();

        nodes.Dispose();

        Assert.True(nodes.IsReleased);
    }

    [Fact]
    public void A_CPU_given_back_twice_is_given_back_once()
    {
        QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(2, lineSize: 64);
        QueuedSpinLockCpu first = nodes.Attach(0);
        _ = TestThreads.Run(() => nodes.Attach(1));
        first.Dispose();
        first.Dispose();

        nodes.Dispose();

        // Thread 1 ended attached: it is let go at dispose, and nothing else is attached.
        Assert.True(nodes.IsReleased);
        Assert.Equal(
            "This thread takes a contended queued spinlock without a CPU to queue as: attach it first with QueuedSpinLockNodes.Attach(cpu).",
            QueuedSpinLockCpu.NotAttached().Message);
    }

    [Fact]
    public void A_tail_names_its_CPUs_node_and_a_CPU_beyond_the_table_is_refused()
    {
        using QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(3, lineSize: 64);

        Assert.Equal((nint)((mcs_spinlock*)&nodes.Cpu(2)->qnodes + 3), (nint)nodes.Node(encode_tail(2, 3)));
        Assert.Equal((nint)nodes.First, (nint)nodes.Node(encode_tail(0, 0)));
        var e = Assert.Throws<InvalidOperationException>(() => nodes.Node(EncodeTailUnchecked(3, 0)));
        Assert.Equal(
            "The lock word's tail names CPU 3, but the node table has 3: the word was not a queued spinlock of this table's threads.",
            e.Message);
    }

    [Fact]
    public void Counters_add_up_over_every_CPU_and_a_busy_node_is_seen_on_any()
    {
        using QueuedSpinLockNodes nodes = QueuedSpinLockNodes.Allocate(3, lineSize: 64);
        for (int c = 0; c < 3; c++)
        {
            nodes.Cpu(c)->lock_pending = (ulong)(c + 1);
            nodes.Cpu(c)->lock_slowpath = (ulong)(10 * (c + 1));
        }

        Assert.Equal((6L, 60L), nodes.Counts());
        Assert.True(nodes.AllNodesFree());
        nodes.Cpu(2)->qnodes[0].count = 1;
        Assert.False(nodes.AllNodesFree());
    }

    [Fact]
    public void Each_lock_goes_by_the_name_the_command_line_and_the_results_use()
    {
        Assert.Equal(
            ["bitlock", "bitlock-cas", "bitlock-xadd", "bitlock-backoff", "bitlock-store", "ticket", "qspinlock", "native-bitlock", "native-qspinlock"],
            [ClusterBitLock.Name, BitLockForms.CompareExchange.Name, BitLockForms.FetchFirst.Name, BitLockForms.Backoff.Name, BitLockForms.NonAtomicRelease.Name,
             ClusterTicketLock.Name, ClusterQueuedSpinLock.Name, NativeClusterBitLock.Name, NativeClusterQueuedSpinLock.Name]);
    }
}
