using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using static HwLab.Layout.Kernel.QspinlockTypes;

namespace HwLab.Layout.Tests.Locks;

/// <summary>The queued spinlock's word, one thread: the tail code, the byte views, and what each step writes into the word.</summary>
public sealed class QueuedSpinLockWordTests
{
    [Theory]
    [InlineData(0, 0, 0x0004_0000u)]
    [InlineData(0, 3, 0x0007_0000u)]
    [InlineData(5, 2, 0x001a_0000u)]
    [InlineData(MaxTailCpus - 1, 3, 0xffff_0000u)]
    public void A_tail_is_the_CPU_plus_one_above_the_nesting_index(int cpu, int idx, uint tail)
    {
        Assert.Equal(tail, encode_tail(cpu, idx));
        Assert.Equal(cpu, TailCpu(tail));
        Assert.Equal(idx, TailIdx(tail));
        // Decoding reads only the tail bits, whatever locked and pending hold.
        Assert.Equal(cpu, TailCpu(tail | _Q_PENDING_VAL | _Q_LOCKED_VAL));
        Assert.Equal(idx, TailIdx(tail | _Q_PENDING_VAL | _Q_LOCKED_VAL));
    }

    [Fact]
    public void Every_CPU_and_index_has_its_own_nonzero_tail()
    {
        var seen = new HashSet<uint>();
        for (int cpu = 0; cpu < MaxTailCpus; cpu++)
        {
            for (int idx = 0; idx < MAX_NODES; idx++)
            {
                uint tail = encode_tail(cpu, idx);
                Assert.True(tail != 0 && (tail & ~_Q_TAIL_MASK) == 0 && seen.Add(tail), $"CPU {cpu} node {idx}: tail {tail:x8}");
            }
        }
        Assert.Equal(-1, TailCpu(0)); // the empty tail names no CPU
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(MaxTailCpus, 0)]
    [InlineData(0, MAX_NODES)]
    [InlineData(0, -1)]
    public void A_tail_that_does_not_fit_is_refused(int cpu, int idx)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => encode_tail(cpu, idx));
    }

    [Fact]
    public void The_fields_tile_the_word_as_drawn()
    {
        Assert.Equal(0x0000_00ffu, _Q_LOCKED_MASK);
        Assert.Equal(0x0000_ff00u, _Q_PENDING_MASK);
        Assert.Equal(0x0003_0000u, _Q_TAIL_IDX_MASK);
        Assert.Equal(0xfffc_0000u, _Q_TAIL_CPU_MASK);
        Assert.Equal(0x100u, _Q_PENDING_VAL);
        Assert.Equal(uint.MaxValue, _Q_LOCKED_MASK | _Q_PENDING_MASK | _Q_TAIL_MASK);
        Assert.Equal(0u, _Q_LOCKED_MASK & _Q_PENDING_MASK);
        Assert.Equal(0u, (_Q_LOCKED_MASK | _Q_PENDING_MASK) & _Q_TAIL_MASK);
        Assert.Equal(16_383, MaxTailCpus);
    }

    [Fact]
    public void The_byte_and_half_word_views_overlap_the_word_as_the_union_does()
    {
        qspinlock word = default;
        word.val = encode_tail(2, 1) | _Q_PENDING_VAL | _Q_LOCKED_VAL;
        Assert.Equal(1, word.locked);
        Assert.Equal(1, word.pending);
        Assert.Equal(0x0101, word.locked_pending);
        Assert.Equal((ushort)(encode_tail(2, 1) >> _Q_TAIL_OFFSET), word.tail);
    }

    [Fact]
    public void The_fast_path_sets_the_locked_byte_and_unlock_clears_only_that()
    {
        qspinlock word = default;
        QueuedSpinLock.Lock(ref word);
        Assert.Equal(_Q_LOCKED_VAL, word.val);
        Assert.True(QueuedSpinLock.IsLocked(ref word));
        Assert.False(QueuedSpinLock.TryLock(ref word));

        // Waiters' pending bit and tail are theirs: releasing leaves them.
        word.val = encode_tail(3, 0) | _Q_PENDING_VAL | _Q_LOCKED_VAL;
        QueuedSpinLock.Unlock(ref word);
        Assert.Equal(encode_tail(3, 0) | _Q_PENDING_VAL, word.val);
        Assert.False(QueuedSpinLock.IsLocked(ref word));
        // Not free either: TryLock wants the whole word 0, as queued_spin_trylock() does.
        Assert.False(QueuedSpinLock.TryLock(ref word));
    }

    [Fact]
    public void The_pending_steps_write_what_the_kernel_helpers_write()
    {
        qspinlock word = default;
        word.val = encode_tail(1, 0) | _Q_LOCKED_VAL;

        // queued_fetch_set_pending_acquire: *,*,* -> *,1,*, returning what was there.
        Assert.Equal(encode_tail(1, 0) | _Q_LOCKED_VAL, QueuedSpinLock.FetchSetPendingAcquire(ref word));
        Assert.Equal(encode_tail(1, 0) | _Q_PENDING_VAL | _Q_LOCKED_VAL, word.val);

        // clear_pending: *,1,* -> *,0,*
        QueuedSpinLock.ClearPending(ref word);
        Assert.Equal(encode_tail(1, 0) | _Q_LOCKED_VAL, word.val);

        // clear_pending_set_locked: *,1,0 -> *,0,1 in one store, the tail untouched.
        word.val = encode_tail(1, 0) | _Q_PENDING_VAL;
        QueuedSpinLock.ClearPendingSetLocked(ref word);
        Assert.Equal(encode_tail(1, 0) | _Q_LOCKED_VAL, word.val);
    }
}
