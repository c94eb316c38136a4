using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>
/// The invariant checker on merged 4.11's slot caches (mm/swap_slots.c, 4.11): each test puts one
/// cache into a state no path leaves it in and looks for the checker's sentence on it, and the
/// states a refill can leave are checked to hold.
/// </summary>
public sealed unsafe class SlotsCacheInvariantTests
{
    private const int CacheSize = swap_slots_cache.SWAP_SLOTS_CACHE_SIZE;

    /// <summary>A merged device on which CPU 0 took one slot: its cache holds the other 63 of the batch.</summary>
    private static SwapDevice<swap_cluster_info_spinlock, ClusterQueuedSpinLock, ClusterQueuedSpinLock> DeviceWithACache(out long taken)
    {
        var device = new SwapDevice<swap_cluster_info_spinlock, ClusterQueuedSpinLock, ClusterQueuedSpinLock>(
            new SwapDeviceOptions { Slots = 64 * 256, Cpus = 2 }, merged411: true);
        taken = device.GetSwapPage(0);
        swap_slots_cache* cache = Cache(device, 0);
        Assert.Equal((1, CacheSize - 1, 0), (cache->cur, cache->nr, cache->n_ret));
        Assert.True(device.CheckInvariants().Holds);
        return device;
    }

    private static swap_slots_cache* Cache(SwapDevice<swap_cluster_info_spinlock, ClusterQueuedSpinLock, ClusterQueuedSpinLock> device, int cpu)
        => device.SlotsCaches!.ElementPointer(cpu);

    [Fact]
    public void Either_lock_of_a_cache_left_held_is_seen_alone()
    {
        using SwapDevice<swap_cluster_info_spinlock, ClusterQueuedSpinLock, ClusterQueuedSpinLock> device = DeviceWithACache(out _);
        swap_slots_cache* cache = Cache(device, 1);
        foreach (nint address in new[] { (nint)(&cache->alloc_lock), (nint)(&cache->free_lock) })
        {
            var held = (spinlock_t*)address;
            Assert.True(ClusterQueuedSpinLock.TryLock(held));
            Assert.Equal(["CPU 1's slot cache locks are held at rest"], device.CheckInvariants().Violations);
            ClusterQueuedSpinLock.Unlock(held);
        }
    }

    [Theory]
    [InlineData(1, -1, 0)]
    [InlineData(-1, 1, 0)]
    [InlineData(1, CacheSize, 0)]
    [InlineData(1, CacheSize - 1, -1)]
    [InlineData(1, CacheSize - 1, CacheSize + 1)]
    public void Counts_out_of_a_caches_range_are_seen_and_its_slots_not_read(int cur, int nr, int nRet)
    {
        using SwapDevice<swap_cluster_info_spinlock, ClusterQueuedSpinLock, ClusterQueuedSpinLock> device = DeviceWithACache(out _);
        swap_slots_cache* cache = Cache(device, 0);
        (cache->cur, cache->nr, cache->n_ret) = (cur, nr, nRet);
        Assert.Equal([$"CPU 0's slot cache counts are out of range (cur {cur}, nr {nr}, n_ret {nRet})"], device.CheckInvariants().Violations);
    }

    [Fact]
    public void A_cache_a_refill_left_short_of_64_holds()
    {
        using SwapDevice<swap_cluster_info_spinlock, ClusterQueuedSpinLock, ClusterQueuedSpinLock> device = DeviceWithACache(out _);
        // As a refill that found 63 slots leaves it: the slots from the front, the last entry empty.
        swap_slots_cache* cache = Cache(device, 0);
        for (int i = 0; i < CacheSize - 1; i++)
        {
            cache->slots[i] = cache->slots[i + 1];
        }
        cache->slots[CacheSize - 1] = 0;
        cache->cur = 0;
        Assert.True(device.CheckInvariants().Holds);
    }

    [Fact]
    public void A_slot_in_either_half_of_a_cache_not_held_by_the_cache_alone_is_seen()
    {
        using SwapDevice<swap_cluster_info_spinlock, ClusterQueuedSpinLock, ClusterQueuedSpinLock> device = DeviceWithACache(out long taken);
        swap_slots_cache* cache = Cache(device, 0);
        long cached = cache->slots[cache->cur + 5];
        device.SwapMapBytes[(int)cached] = SwapMap.SWAP_HAS_CACHE | 1;
        Assert.Equal([$"slot {cached} sits in CPU 0's slot cache holding 0x41, not SWAP_HAS_CACHE"], device.CheckInvariants().Violations);
        device.SwapMapBytes[(int)cached] = SwapMap.SWAP_HAS_CACHE;

        device.SwapcacheFree(taken, 0); // into the return half, still at SWAP_HAS_CACHE
        Assert.Equal(taken, cache->slots_ret[0]);
        Assert.True(device.CheckInvariants().Holds);
        device.SwapMapBytes[(int)taken] = SwapMap.SWAP_HAS_CACHE | 1;
        Assert.Equal([$"slot {taken} sits in CPU 0's slot cache holding 0x41, not SWAP_HAS_CACHE"], device.CheckInvariants().Violations);
    }

    [Fact]
    public void A_slot_in_two_caches_is_seen()
    {
        using SwapDevice<swap_cluster_info_spinlock, ClusterQueuedSpinLock, ClusterQueuedSpinLock> device = DeviceWithACache(out _);
        device.GetSwapPage(1);
        swap_slots_cache* first = Cache(device, 0);
        swap_slots_cache* second = Cache(device, 1);
        long both = first->slots[first->cur];
        second->slots[second->cur] = both;
        Assert.Equal([$"slot {both} sits in a slot cache twice"], device.CheckInvariants().Violations);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(64 * 256L)]
    public void An_entry_that_is_not_a_slot_of_the_device_is_seen(long entry)
    {
        using SwapDevice<swap_cluster_info_spinlock, ClusterQueuedSpinLock, ClusterQueuedSpinLock> device = DeviceWithACache(out _);
        swap_slots_cache* cache = Cache(device, 0);
        cache->slots[cache->cur] = entry;
        Assert.Equal([$"CPU 0's slot cache holds {entry}, not a slot of the device"], device.CheckInvariants().Violations);
    }
}
