using HwLab.Layout;
using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

public sealed class ColumnOrderTests
{
    // Workers take turns, one slot each, as closely interleaved as threads could be; every
    // 256th allocation of a worker takes it to a new cluster.
    private static long SameLinePicks(FreeClusterOrder order, int workers, ClusterColumnRule rule = ClusterColumnRule.Seed, int layout = 8, string mode = "bitlock")
    {
        using ISwapDevice device = SwapDeviceFactory.Create(SwapDeviceFactory.ParseMode(mode), layout,
            new SwapDeviceOptions { Slots = 512L * 256, Cpus = workers, Order = order, ColumnRule = rule });
        for (int round = 0; round < 20 * 256; round++)
        {
            for (int cpu = 0; cpu < workers; cpu++)
            {
                Assert.NotEqual(0, device.GetSwapPage(cpu));
            }
        }
        SwapPicks picks = Enumerable.Range(0, workers).Select(device.Picks).Aggregate((a, b) => a + b);
        Assert.True(picks.FirstRound.Picks >= 20 * workers, $"{picks.FirstRound.Picks} picks");
        Assert.Equal(0, picks.Recycled.Picks); // nothing was freed: every pick is first-round
        return picks.FirstRound.SameLine;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Columns_put_no_two_workers_clusters_in_one_line_in_the_first_round(int workers)
    {
        Assert.Equal(0, SameLinePicks(FreeClusterOrder.Columns, workers));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void Sequential_order_puts_neighbours_in_one_line(int workers)
    {
        Assert.True(SameLinePicks(FreeClusterOrder.Sequential, workers) > 0);
    }

    [Fact]
    public void Picks_of_clusters_freed_back_onto_the_list_count_as_recycled()
    {
        using ISwapDevice device = Devices.Create("bitlock", 8, slots: 8 * 256, cpus: 1);
        var held = new Queue<long>();
        for (int i = 0; i < 20 * 256; i++)
        {
            long slot = device.GetSwapPage(0);
            held.Enqueue(slot);
            if (held.Count > 300)
            {
                device.SwapcacheFree(held.Dequeue(), 0);
            }
        }
        SwapPicks picks = device.Picks(0);
        Assert.Equal(7, picks.FirstRound.Picks); // the 7 clusters after the header's, each once
        Assert.True(picks.Recycled.Picks >= 12, $"{picks.Recycled.Picks} recycled picks");
        device.ClearCounters();
        Assert.Equal(default, device.Picks(0));
    }

    [Fact]
    public void The_merged_kernels_64_columns_also_keep_workers_apart()
    {
        Assert.Equal(0, SameLinePicks(FreeClusterOrder.Columns, 8, ClusterColumnRule.Merged));
    }

    // SWAP_CLUSTER_SPACE_COLS is one 64 MiB swap address space in clusters: 64 of 256 pages,
    // 32 of CONFIG_THP_SWAP's 512.
    [Theory]
    [InlineData(256, 64)]
    [InlineData(512, 32)]
    public void The_merged_rule_takes_the_devices_cluster_size(int clusterPages, int expected)
    {
        using ISwapDevice device = SwapDeviceFactory.Create(SwapDeviceFactory.ParseMode("spinlock"), 8,
            new SwapDeviceOptions { Slots = 8L * clusterPages, Cpus = 2, ColumnRule = ClusterColumnRule.Merged, ClusterPages = clusterPages },
            TestContext.Current.CancellationToken);
        Assert.Equal(expected, device.SwapClusterCols);
    }

    [Fact]
    public void Each_generation_gets_its_own_kernels_columns()
    {
        using ISwapDevice seed = Devices.Create("bitlock", 8);
        using ISwapDevice merged = Devices.Create("merged-4.11", 8);
        using ISwapDevice list = Devices.Create("spinlock", 24);
        using ISwapDevice table = Devices.Create("spinlock", 32);
        using ISwapDevice bitfield = Devices.Create("device", 4);
        using ISwapDevice sequential = Devices.Create("bitlock", 8, order: FreeClusterOrder.Sequential);
        Assert.Equal(8, seed.SwapClusterCols);       // the seed: 64-byte line / 8 bytes
        Assert.Equal(64, merged.SwapClusterCols);    // 4.11: max(8, 64 MiB of swap in 256-page clusters)
        Assert.Equal(64, list.SwapClusterCols);      // 6.12 to 6.17: max(3, 64)
        Assert.Equal(1, table.SwapClusterCols);      // no shuffle once the swap cache is per cluster
        Assert.Equal(1, bitfield.SwapClusterCols);   // 4.10: cluster order
        Assert.Equal(1, sequential.SwapClusterCols);
    }
}
