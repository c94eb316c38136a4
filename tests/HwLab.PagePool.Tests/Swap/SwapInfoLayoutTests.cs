using HwLab.Layout.Kernel;
using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

public sealed unsafe class SwapInfoLayoutTests
{
    private const int Line = SwapInfoLockLine.LockLineBytes;

    private static void AssertLockAloneOnItsLine<TCluster>()
        where TCluster : unmanaged
    {
        SwapInfo<TCluster> si = default;
        byte* start = (byte*)&si;
        long lockAt = (byte*)&si.@lock - start;
        long[] others =
        [
            (byte*)&si.lowest_bit - start,
            (byte*)&si.highest_bit - start,
            (byte*)&si.pages - start,
            (byte*)&si.inuse_pages - start,
            (byte*)&si.cluster_next - start,
            (byte*)&si.free_clusters - start,
        ];
        Assert.Equal(0, lockAt);
        Assert.All(others, at => Assert.NotEqual(lockAt / Line, at / Line));
    }

    [Fact]
    public void The_lock_has_its_line_to_itself_for_every_generation()
    {
        AssertLockAloneOnItsLine<swap_cluster_info_bitfield>();
        AssertLockAloneOnItsLine<swap_cluster_info_seed>();
        AssertLockAloneOnItsLine<swap_cluster_info_spinlock>();
        AssertLockAloneOnItsLine<swap_cluster_info_list>();
        AssertLockAloneOnItsLine<swap_cluster_info_table>();
        AssertLockAloneOnItsLine<swap_cluster_info_padded>();
    }

    [Fact]
    public void The_first_protected_field_starts_the_next_line()
    {
        SwapInfo<swap_cluster_info_seed> si = default;
        Assert.Equal(Line, (byte*)&si.lowest_bit - (byte*)&si);
    }
}
