using HwLab.Layout.Kernel;

namespace HwLab.Layout.Tests;

public sealed unsafe class ClusterArrayTests
{
    [Fact]
    public void Packed_array_is_page_aligned_with_eight_seed_clusters_per_line()
    {
        using var array = ClusterArray<swap_cluster_info_seed>.Allocate(1024);
        Assert.Equal(0, (nint)array.ElementPointer(0) % Environment.SystemPageSize);
        Assert.Equal(8, array.Stride);
        Assert.Equal(0, array.LineOf(7, 64));
        Assert.Equal(1, array.LineOf(8, 64));
        Assert.Equal(8 * 1024, array.Arena.Length);
    }

    [Fact]
    public void Stride_spaces_the_elements()
    {
        using var array = ClusterArray<swap_cluster_info_seed>.Allocate(16, stride: 128);
        Assert.Equal(128, (nint)array.ElementPointer(1) - (nint)array.ElementPointer(0));
        array[3].data = 42;
        Assert.Equal(42UL, *(ulong*)((byte*)array.ElementPointer(0) + (3 * 128)));
        Assert.Equal(6, array.LineOf(3, 64));
    }

    [Fact]
    public void A_stride_that_cannot_hold_the_struct_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterArray<swap_cluster_info_list>.Allocate(4, stride: 16));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterArray<swap_cluster_info_seed>.Allocate(4, stride: 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterArray<swap_cluster_info_seed>.Allocate(0));
    }

    [Fact]
    public void Every_generation_can_be_placed_and_starts_zeroed()
    {
        using var table = ClusterArray<swap_cluster_info_table>.Allocate(100);
        Assert.Equal(32 * 100, table.OffsetOf(100));
        Assert.Equal(0u, swap_cluster_info_table.cluster_count(ref table[99]));
        using var padded = ClusterArray<swap_cluster_info_padded>.Allocate(100);
        Assert.Equal(99, padded.LineOf(99, 64));
    }

    [Fact]
    public void A_stride_keeps_the_elements_own_alignment_not_eight_bytes()
    {
        // The 4-byte bitfield needs 4-byte alignment: 12 bytes apart is fine for it.
        using var array = ClusterArray<swap_cluster_info_bitfield>.Allocate(4, stride: 12);
        Assert.Equal(12, (nint)array.ElementPointer(1) - (nint)array.ElementPointer(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterArray<swap_cluster_info_bitfield>.Allocate(4, stride: 6));
    }

    [Fact]
    public void An_array_too_large_to_address_is_refused_before_anything_is_mapped()
    {
        Assert.Throws<OverflowException>(() => ClusterArray<swap_cluster_info_seed>.Allocate(long.MaxValue / 4, stride: 8));
    }
}
