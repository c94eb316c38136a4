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

    [Fact]
    public void Sizes_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SwapClusterCols.Compute(0, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => SwapClusterCols.Compute(64, 0));
    }
}
