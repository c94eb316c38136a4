using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>swapon's random start on a solid-state device (cluster_next = 1 + prandom % highest_bit): reproducible for a seed, different across seeds.</summary>
public sealed class RandomStartTests
{
    // In column order the free list starts at cluster_next's column, so the first slot handed out shows the start.
    private static long FirstSlot(int seed)
    {
        using ISwapDevice device = Devices.Create("bitlock", 8, slots: 64 * 256, cpus: 1, order: FreeClusterOrder.Columns, startSeed: seed);
        long first = device.GetSwapPage(0);
        device.Reset();
        Assert.Equal(first, device.GetSwapPage(0)); // every swapon of this device starts at the same place
        return first;
    }

    [Fact]
    public void The_same_seed_starts_at_the_same_slot()
    {
        // Two devices built apart: a start drawn from anything but the seed (the clock, a shared generator) differs.
        long first = FirstSlot(7);
        Thread.Sleep(20);
        long second = FirstSlot(7);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_seeds_start_in_different_places()
    {
        long[] firsts = [.. Enumerable.Range(1, 8).Select(FirstSlot)];
        Assert.True(firsts.Distinct().Count() > 1, $"eight seeds all started at slot {firsts[0]}");
    }
}
