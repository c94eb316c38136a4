using HwLab.Layout.Kernel;

namespace HwLab.Layout.Tests;

public sealed class SwapClusterColsTests
{
    [Theory]
    [InlineData(64, 4, 16)]
    [InlineData(64, 8, 8)]
    [InlineData(64, 24, 3)]
    [InlineData(64, 32, 2)]
    [InlineData(64, 64, 1)]
    [InlineData(128, 8, 16)]
    [InlineData(128, 24, 6)]
    public void Seed_rule_is_line_over_size_rounded_up(int line, int size, int expected)
    {
        Assert.Equal(expected, SwapClusterCols.Compute(line, size, ClusterColumnRule.Seed));
    }

    [Theory]
    [InlineData(64, 8, 64)]
    [InlineData(64, 1, 64)]
    [InlineData(8192, 8, 1024)]
    public void Merged_rule_never_goes_below_one_swap_address_space(int line, int size, int expected)
    {
        Assert.Equal(expected, SwapClusterCols.Compute(line, size, ClusterColumnRule.Merged));
    }

    [Fact]
    public void Space_columns_are_64()
    {
        Assert.Equal(64, SwapClusterCols.SWAP_CLUSTER_SPACE_COLS);
    }

    // 64 MiB of swap address space is 64 clusters of 256 pages but 32 of CONFIG_THP_SWAP's 512.
    [Theory]
    [InlineData(64, 8, 256, 64)]
    [InlineData(64, 24, 256, 64)]
    [InlineData(64, 8, 512, 32)]
    [InlineData(64, 24, 512, 32)]
    [InlineData(64, 1, 32_768, 64)]
    [InlineData(8192, 8, 512, 1024)]
    [InlineData(64, 8, 1, 16_384)]
    public void Merged_rule_follows_the_cluster_size(int line, int size, int clusterPages, int expected)
    {
        Assert.Equal(expected, SwapClusterCols.Compute(line, size, ClusterColumnRule.Merged, clusterPages));
    }

    [Fact]
    public void The_default_cluster_is_SWAPFILE_CLUSTER()
    {
        Assert.Equal(
            SwapClusterCols.Compute(64, 8, ClusterColumnRule.Merged, SwapCluster.SWAPFILE_CLUSTER),
            SwapClusterCols.Compute(64, 8, ClusterColumnRule.Merged));
        Assert.Equal(SwapClusterCols.SWAP_CLUSTER_SPACE_COLS, SwapClusterCols.SpaceCols(SwapCluster.SWAPFILE_CLUSTER));
        Assert.Equal(32, SwapClusterCols.SpaceCols(SwapCluster.HPAGE_PMD_NR));
    }

    [Fact]
    public void The_seed_rule_ignores_the_cluster_size()
    {
        Assert.Equal(8, SwapClusterCols.Compute(64, 8, ClusterColumnRule.Seed, 512));
    }

    [Fact]
    public void Sizes_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SwapClusterCols.Compute(0, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => SwapClusterCols.Compute(64, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-256)]
    [InlineData(100)]
    [InlineData(int.MinValue)]
    public void A_cluster_size_that_is_not_a_power_of_two_is_refused(int clusterPages)
    {
        Assert.Equal("clusterPages", Assert.Throws<ArgumentOutOfRangeException>(() => SwapClusterCols.Compute(64, 8, ClusterColumnRule.Merged, clusterPages)).ParamName);
        Assert.Equal("clusterPages", Assert.Throws<ArgumentOutOfRangeException>(() => SwapClusterCols.Compute(64, 8, ClusterColumnRule.Seed, clusterPages)).ParamName);
    }
}
