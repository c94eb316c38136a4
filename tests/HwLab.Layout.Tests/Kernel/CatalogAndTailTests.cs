using HwLab.Layout.Kernel;
using static HwLab.Layout.Kernel.QspinlockTypes;

namespace HwLab.Layout.Tests.Kernel;

/// <summary>
/// The generation catalog's words and kernel facts, and the qspinlock tail code as
/// kernel/locking/qspinlock.c (6.x) packs it: x86_64's 32-bit word, _Q_PENDING_BITS 8, so the
/// tail's node index sits at bits 16-17 and CPU + 1 from bit 18.
/// </summary>
public sealed class CatalogAndTailTests
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

    [Theory]
    [InlineData(0, 0, 0x0004_0000u)]
    [InlineData(0, 3, 0x0007_0000u)]
    [InlineData(2, 1, 0x000d_0000u)]
    [InlineData(MaxTailCpus - 1, 2, 0xfffe_0000u)]
    public void A_tail_is_cpu_plus_one_from_bit_18_and_the_node_at_bits_16_and_17(int cpu, int idx, uint tail)
    {
        Assert.Equal(tail, encode_tail(cpu, idx));
        // The locked byte and the pending bit under the tail do not change what it names.
        Assert.Equal(cpu, TailCpu(tail | _Q_LOCKED_PENDING_MASK));
        Assert.Equal(idx, TailIdx(tail | _Q_LOCKED_PENDING_MASK));
    }

    [Fact]
    public void The_empty_tail_names_no_CPU()
        => Assert.Equal(-1, TailCpu(_Q_LOCKED_VAL | _Q_PENDING_VAL));

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(MaxTailCpus, 0)]
    [InlineData(0, -1)]
    [InlineData(0, MAX_NODES)]
    public void A_CPU_or_node_a_tail_cannot_hold_is_refused(int cpu, int idx)
        => Assert.Throws<ArgumentOutOfRangeException>(() => encode_tail(cpu, idx));

    [Fact]
    public void Sizes_that_cannot_be_laid_out_say_why()
    {
        var stride = Assert.Throws<ArgumentOutOfRangeException>(() => ClusterArray<swap_cluster_info_list>.Allocate(4, stride: 16));
        Assert.StartsWith("A stride must hold a swap_cluster_info_list (24 bytes) and keep it aligned.", stride.Message, StringComparison.Ordinal);

        var cluster = Assert.Throws<ArgumentOutOfRangeException>(() => SwapClusterCols.SpaceCols(384));
        Assert.StartsWith("A cluster is a power of two pages, at least one.", cluster.Message, StringComparison.Ordinal);
    }
}
