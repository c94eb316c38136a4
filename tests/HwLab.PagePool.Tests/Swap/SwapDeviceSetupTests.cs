using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native.Memory;
using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>
/// What swapon leaves (setup_swap_map_and_extents and sys_swapon, mm/swapfile.c, 4.10 and 4.11),
/// what Reset gives back, how the device maps its memory and that it releases every mapping, and
/// which cluster types each lock can be built over.
/// </summary>
public sealed unsafe class SwapDeviceSetupTests
{
    private static SwapDeviceOptions Options(int cpus = 2, int startSeed = 0) => new() { Slots = 64 * 256, Cpus = cpus, StartSeed = startSeed };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(12_345)]
    public void Swapon_counts_every_slot_but_the_header_and_starts_at_one_plus_prandom_modulo_highest_bit(int seed)
    {
        using var device = new SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock>(Options(startSeed: seed));
        long highest = device.Slots - 1;
        uint prandom = (uint)new Random(seed).NextInt64(0, 1L << 32);

        Assert.Equal(1 + (long)(prandom % (ulong)highest), device.SwapInfoPointer->cluster_next);
        Assert.Equal((1L, highest, highest, 0L), (device.SwapInfoPointer->lowest_bit, device.SwapInfoPointer->highest_bit, device.SwapInfoPointer->pages, device.SwapInfoPointer->inuse_pages));
        Assert.Equal(highest, device.GlobalsPointer->nr_swap_pages);
    }

    [Fact]
    public void Reset_clears_the_counters_the_slot_caches_and_which_clusters_were_recycled()
    {
        using var device = new SwapDevice<swap_cluster_info_spinlock, ClusterQueuedSpinLock, ClusterQueuedSpinLock>(Options(cpus: 1), merged411: true);
        // A cluster's worth through the cache, all of it back and drained: the first cluster picked
        // is recycled. Then one more slot, which leaves the cache holding the rest of its batch.
        long[] slots = Allocations.Take(device, 256);
        foreach (long slot in slots)
        {
            device.SwapcacheFree(slot, 0);
        }
        device.DrainSlotsCaches();
        device.GetSwapPage(0);
        Assert.Equal(63, device.SlotsCaches![0].nr);
        Assert.Equal(2, device.Picks(0).FirstRound.Picks);

        device.Reset();

        Assert.Equal((0, 0, 0), (device.SlotsCaches[0].nr, device.SlotsCaches[0].cur, device.SlotsCaches[0].n_ret));
        Assert.Equal(default, device.Picks(0));
        Assert.Equal(0, device.SwapInfoLocks(0));
        Assert.True(device.CheckInvariants().Holds);
        device.GetSwapPage(0);
        Assert.Equal(new SwapPicks(new ClusterPicks(1, 0), default), device.Picks(0));
    }

    [Fact]
    public void Each_CPU_counts_its_own_picks_and_si_lock_acquisitions()
    {
        using var device = new SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock>(Options());
        long slot = device.GetSwapPage(1);
        device.SwapcacheFree(slot, 1);

        Assert.Equal(default, device.Picks(0));
        Assert.Equal(0, device.SwapInfoLocks(0));
        Assert.Equal(1, device.Picks(1).FirstRound.Picks);
        Assert.Equal(2, device.SwapInfoLocks(1)); // the allocation and the final free
    }

    [Fact]
    public void The_metadata_is_faulted_in_the_pages_asked_for_on_huge_pages_and_everything_released_once()
    {
        var device = new SwapDevice<swap_cluster_info_spinlock, ClusterQueuedSpinLock, ClusterQueuedSpinLock>(Options(), merged411: true);
        IReadOnlyList<(string Name, PageArena Arena)> arenas = device.Arenas;
        QueuedSpinLockNodes nodes = device.QueueNodes!;

        Assert.Equal(["swap_info_struct", "swap_map", "cluster_info", "percpu_cluster", "globals", "swap_slots_cache", "pages"], arenas.Select(a => a.Name));
        Assert.All(arenas.SkipLast(1), a => Assert.True(a.Arena.Options.Prefault, $"{a.Name} is not faulted in"));
        Assert.True(arenas[^1].Arena.Options.TransparentHugePages);
        // The queued spinlock nodes are a line apart, as the kernel's per-CPU mcs_spinlock nodes are.
        Assert.Equal(64, nodes.LineSize);
        // Each CPU's slot cache starts a line of its own.
        Assert.Equal(0, device.SlotsCaches!.Stride % 64);
        Assert.InRange(device.SlotsCaches.Stride, sizeof(swap_slots_cache), sizeof(swap_slots_cache) + 63);

        device.Dispose();
        Assert.All(arenas, a => Assert.True(a.Arena.IsDisposed, $"{a.Name} is still mapped"));
        Assert.Throws<ObjectDisposedException>(() => nodes.Attach(0));
        device.Dispose();
    }

    [Fact]
    public void The_seeds_device_has_no_slot_cache_to_map_and_releases_what_it_has()
    {
        var device = new SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock>(Options());
        IReadOnlyList<(string Name, PageArena Arena)> arenas = device.Arenas;
        Assert.Equal(["swap_info_struct", "swap_map", "cluster_info", "percpu_cluster", "globals", "pages"], arenas.Select(a => a.Name));
        device.Dispose();
        Assert.All(arenas, a => Assert.True(a.Arena.IsDisposed, $"{a.Name} is still mapped"));
    }

    [Fact]
    public void A_device_without_options_is_refused_as_such()
        => Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock>(null!)).ParamName);

    [Fact]
    public void Each_lock_is_built_only_over_an_entry_that_carries_it()
    {
        Assert.Equal(
            "swap_cluster_info_bitfield has no bitlock lock to take: it carries no lock of its own.",
            Assert.Throws<SwapDeviceConfigurationException>(() => new SwapDevice<swap_cluster_info_bitfield, ClusterBitLock, ClusterQueuedSpinLock>(Options())).Message);
        // A spinlock_t in the entry is taken in the device's one form of spinlock_t.
        Assert.Equal(
            "swap_cluster_info_spinlock has no spinlock lock to take: it carries a SpinLock.",
            Assert.Throws<SwapDeviceConfigurationException>(() => new SwapDevice<swap_cluster_info_spinlock, ClusterTicketLock, ClusterQueuedSpinLock>(Options())).Message);
        // Merged 4.11's paths need its spinlock_t entry.
        Assert.Equal(
            "swap_cluster_info_seed has no bitlock lock to take: it carries a BitLock.",
            Assert.Throws<SwapDeviceConfigurationException>(() => new SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock>(Options(), merged411: true)).Message);
        Assert.Equal(
            "ClusterBitLock is not a form of spinlock_t; the forms are the queued spinlock and the ticket lock.",
            Assert.Throws<SwapDeviceConfigurationException>(() => new SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterBitLock>(Options())).Message);
        using var built = new SwapDevice<swap_cluster_info_spinlock, ClusterTicketLock, ClusterTicketLock>(Options(), merged411: true);
        Assert.Equal(SwapLockMode.Merged411, built.Mode);
    }
}
