using HwLab.Layout.Kernel;
using static HwLab.Layout.Kernel.SwapCluster;

namespace HwLab.Layout.Tests.Kernel;

/// <summary>What every generation's accessors promise, checked once per generation.</summary>
public sealed class AccessorContractTests
{
    [Fact]
    public void Bitfield4() => CheckContract<swap_cluster_info_bitfield>();

    [Fact]
    public void Seed8() => CheckContract<swap_cluster_info_seed>();

    [Fact]
    public void Spinlock8() => CheckContract<swap_cluster_info_spinlock>();

    [Fact]
    public void List24() => CheckContract<swap_cluster_info_list>();

    [Fact]
    public void Table32() => CheckContract<swap_cluster_info_table>();

    [Fact]
    public void Padded64() => CheckContract<swap_cluster_info_padded>();

    private static void CheckContract<T>()
        where T : unmanaged, IClusterInfo<T>
    {
        T ci = default;
        Assert.Equal(0u, T.cluster_count(ref ci));
        Assert.Equal(0u, T.cluster_flags(ref ci));
        Assert.False(T.cluster_is_free(ref ci));
        Assert.False(T.cluster_is_null(ref ci));

        // Count and flags survive each other's setters.
        T.cluster_set_count(ref ci, 200);
        T.cluster_set_flag(ref ci, CLUSTER_FLAG_FREE);
        Assert.Equal(200u, T.cluster_count(ref ci));
        Assert.True(T.cluster_is_free(ref ci));
        T.cluster_set_count(ref ci, 201);
        Assert.True(T.cluster_is_free(ref ci));
        Assert.Equal(CLUSTER_FLAG_FREE, T.cluster_flags(ref ci));

        // count_flag sets both at once, replacing the flags.
        T.cluster_set_count_flag(ref ci, 7, CLUSTER_FLAG_NEXT_NULL);
        Assert.Equal(7u, T.cluster_count(ref ci));
        Assert.False(T.cluster_is_free(ref ci));
        Assert.True(T.cluster_is_null(ref ci));

        // next round-trips, and set_next_flag replaces the flags.
        T.cluster_set_next_flag(ref ci, 1023, 0);
        Assert.Equal(1023u, T.cluster_next(ref ci));
        Assert.False(T.cluster_is_null(ref ci));
        T.cluster_set_next(ref ci, 5);
        Assert.Equal(5u, T.cluster_next(ref ci));

        // set_null: next 0 and the NEXT_NULL flag, nothing else.
        T.cluster_set_null(ref ci);
        Assert.True(T.cluster_is_null(ref ci));
        Assert.False(T.cluster_is_free(ref ci));
        Assert.Equal(0u, T.cluster_next(ref ci));
    }
}
