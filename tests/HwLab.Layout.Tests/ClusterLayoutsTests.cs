using HwLab.Layout.Kernel;

namespace HwLab.Layout.Tests;

/// <summary>The generation catalog's words and kernel facts, and what a size that cannot be laid out is told.</summary>
public sealed class ClusterLayoutsTests
{
    [Theory]
    [InlineData(ClusterLayout.Bitfield4, "swap_cluster_info_bitfield", "up to 4.10: data:24, flags:8", false)]
    [InlineData(ClusterLayout.Seed8, "swap_cluster_info_seed", "the seed patch (v5, 2017): unsigned long, bit lock in bit 2", false)]
    [InlineData(ClusterLayout.Spinlock8, "swap_cluster_info_spinlock", "merged 4.11: spinlock_t + data:24, flags:8", true)]
    [InlineData(ClusterLayout.List24, "swap_cluster_info_list", "6.12: spinlock_t, count, flags, order, list_head", true)]
    [InlineData(ClusterLayout.Table32, "swap_cluster_info_table", "2025 swap table: the 6.12 form + table pointer", true)]
    [InlineData(ClusterLayout.Padded64, "swap_cluster_info_padded", "control: the seed's word padded to a line", false)]
    public void Each_generation_names_its_struct_its_kernels_and_whether_they_had_THP_swap(ClusterLayout layout, string cName, string generation, bool hadThpSwap)
    {
        ClusterLayoutInfo info = ClusterLayouts.Get(layout);

        Assert.Equal((cName, generation, hadThpSwap), (info.CName, info.Generation, info.HadThpSwap));
    }

    [Fact]
    public void The_catalog_lists_every_generation_once_oldest_first()
        => Assert.Equal(Enum.GetValues<ClusterLayout>(), ClusterLayouts.All.Select(g => g.Layout));

    [Fact]
    public void Sizes_that_cannot_be_laid_out_say_why()
    {
        var stride = Assert.Throws<ArgumentOutOfRangeException>(() => ClusterArray<swap_cluster_info_list>.Allocate(4, stride: 16));
        Assert.StartsWith("A stride must hold a swap_cluster_info_list (24 bytes) and keep it aligned.", stride.Message, StringComparison.Ordinal);

        var cluster = Assert.Throws<ArgumentOutOfRangeException>(() => SwapClusterCols.SpaceCols(384));
        Assert.StartsWith("A cluster is a power of two pages, at least one.", cluster.Message, StringComparison.Ordinal);
    }
}
