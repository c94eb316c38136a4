using HwLab.Native.Memory;

namespace HwLab.Native.Tests.Locks;

/// <summary>
/// The exported queued spinlock of libhwlab_native on one thread: what each call writes into the
/// 4-byte word (locked byte 0-7, pending bit 8, tail 16-31). The contended paths are tested with
/// their node table in HwLab.Layout.Tests.
/// </summary>
public sealed unsafe class NativeQueuedSpinLockTests
{
    private const uint Locked = 1;
    private const uint Pending = 1u << 8;
    private const uint SomeTail = (3u + 1) << 18; // CPU 3, node 0

    [Fact]
    public void The_fast_path_needs_no_node_table_and_unlock_frees_the_word()
    {
        using PageArena arena = PageArena.Allocate(64);
        uint* word = (uint*)arena.Pointer;

        NativeQueuedSpinLock.Lock(word, cpus: null, stride: 0, cpu: 0);
        Assert.Equal(Locked, *word);
        NativeQueuedSpinLock.Unlock(word);
        Assert.Equal(0u, *word);
    }

    [Fact]
    public void TryLock_takes_only_a_word_that_is_all_zero()
    {
        using PageArena arena = PageArena.Allocate(64);
        uint* word = (uint*)arena.Pointer;

        Assert.True(NativeQueuedSpinLock.TryLock(word));
        Assert.Equal(Locked, *word);
        Assert.False(NativeQueuedSpinLock.TryLock(word));

        // Unlocked but with a waiter queued: still not free for a trylock.
        *word = SomeTail;
        Assert.False(NativeQueuedSpinLock.TryLock(word));
        Assert.Equal(SomeTail, *word);
    }

    [Fact]
    public void Unlock_stores_0_to_the_locked_byte_and_leaves_pending_and_tail()
    {
        using PageArena arena = PageArena.Allocate(64);
        uint* word = (uint*)arena.Pointer;
        *word = SomeTail | Pending | Locked;

        NativeQueuedSpinLock.Unlock(word);

        Assert.Equal(SomeTail | Pending, *word);
    }
}
