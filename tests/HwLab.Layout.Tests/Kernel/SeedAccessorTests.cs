using HwLab.Layout.Kernel;
using static HwLab.Layout.Kernel.SwapCluster;

namespace HwLab.Layout.Tests.Kernel;

/// <summary>The seed patch's setters on the 8-byte word, case by case, the lock bit above all.</summary>
public sealed class SeedAccessorTests
{
    public static TheoryData<string, ulong, ulong> Cases => new()
    {
        // setter,                          data before,                  data after
        { "set_count(5)",                   0x0000_0000_0000_0000,        0x0000_0000_0000_0500 },
        { "set_count(5)",                   0x0000_0000_0000_1207,        0x0000_0000_0000_0507 }, // flags and lock kept
        { "set_count(0xffffffff)",          0x0000_0000_0000_0004,        0x0000_00ff_ffff_ff04 },
        { "set_flag(FREE)",                 0x0000_0000_0000_3404,        0x0000_0000_0000_3405 }, // count and lock kept
        { "set_flag(FREE|LOCK)",            0x0000_0000_0000_3400,        0x0000_0000_0000_3401 }, // cannot take the lock
        { "set_flag(0)",                    0x0000_0000_0000_3407,        0x0000_0000_0000_3404 }, // cannot drop the lock
        { "set_count_flag(9, NEXT_NULL)",   0x0000_0000_0000_7705,        0x0000_0000_0000_0906 },
        { "set_count_flag(9, NEXT_NULL)",   0x0000_0000_0000_7701,        0x0000_0000_0000_0902 },
        { "set_count_flag(9, LOCK)",        0x0000_0000_0000_7700,        0x0000_0000_0000_0900 },
        { "set_next(3)",                    0x0000_0000_0000_ff06,        0x0000_0000_0000_0306 },
        { "set_next_flag(3, 0)",            0x0000_0000_0000_ff07,        0x0000_0000_0000_0304 },
        { "set_null",                       0x0000_0000_0000_ff05,        0x0000_0000_0000_0006 },
        { "set_null",                       0x0000_0000_0000_ff01,        0x0000_0000_0000_0002 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Setters_follow_the_patch(string setter, ulong before, ulong after)
    {
        var ci = new swap_cluster_info_seed { data = before };
        Apply(setter, ref ci);
        Assert.Equal($"0x{after:x16}", $"0x{ci.data:x16}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_setter_changes_the_lock_bit(string setter, ulong before, ulong after)
    {
        _ = after;
        foreach (ulong lockBit in new ulong[] { 0, CLUSTER_FLAG_LOCK })
        {
            var ci = new swap_cluster_info_seed { data = (before & ~(ulong)CLUSTER_FLAG_LOCK) | lockBit };
            Apply(setter, ref ci);
            Assert.Equal(lockBit, ci.data & CLUSTER_FLAG_LOCK);
        }
    }

    [Fact]
    public void Readers_ignore_the_lock_bit()
    {
        var ci = new swap_cluster_info_seed { data = (42UL << CLUSTER_COUNT_SHIFT) | CLUSTER_FLAG_LOCK };
        Assert.Equal(42u, swap_cluster_info_seed.cluster_count(ref ci));
        Assert.Equal(42u, swap_cluster_info_seed.cluster_next(ref ci));
        Assert.Equal(0u, swap_cluster_info_seed.cluster_flags(ref ci));
        Assert.False(swap_cluster_info_seed.cluster_is_free(ref ci));
        Assert.False(swap_cluster_info_seed.cluster_is_null(ref ci));
    }

    [Fact]
    public void The_four_byte_form_truncates_to_its_24_bit_field_as_C_does()
    {
        var ci = new swap_cluster_info_bitfield();
        swap_cluster_info_bitfield.cluster_set_flag(ref ci, CLUSTER_FLAG_FREE);
        swap_cluster_info_bitfield.cluster_set_count(ref ci, 0x01ff_ffff);
        Assert.Equal(0x00ff_ffffu, swap_cluster_info_bitfield.cluster_count(ref ci));
        Assert.Equal(CLUSTER_FLAG_FREE, swap_cluster_info_bitfield.cluster_flags(ref ci));
        Assert.Equal(0x01ff_ffffu, ci.bits);
    }

    [Fact]
    public void The_list_forms_keep_next_apart_from_count()
    {
        var ci = new swap_cluster_info_list();
        swap_cluster_info_list.cluster_set_count(ref ci, 17);
        swap_cluster_info_list.cluster_set_next(ref ci, 900);
        Assert.Equal(17u, swap_cluster_info_list.cluster_count(ref ci));
        Assert.Equal(900u, swap_cluster_info_list.cluster_next(ref ci));
        Assert.Equal(900, ci.list.next);
    }

    private static void Apply(string setter, ref swap_cluster_info_seed ci)
    {
        switch (setter)
        {
            case "set_count(5)": swap_cluster_info_seed.cluster_set_count(ref ci, 5); break;
            case "set_count(0xffffffff)": swap_cluster_info_seed.cluster_set_count(ref ci, 0xffff_ffff); break;
            case "set_flag(FREE)": swap_cluster_info_seed.cluster_set_flag(ref ci, CLUSTER_FLAG_FREE); break;
            case "set_flag(FREE|LOCK)": swap_cluster_info_seed.cluster_set_flag(ref ci, CLUSTER_FLAG_FREE | CLUSTER_FLAG_LOCK); break;
            case "set_flag(0)": swap_cluster_info_seed.cluster_set_flag(ref ci, 0); break;
            case "set_count_flag(9, NEXT_NULL)": swap_cluster_info_seed.cluster_set_count_flag(ref ci, 9, CLUSTER_FLAG_NEXT_NULL); break;
            case "set_count_flag(9, LOCK)": swap_cluster_info_seed.cluster_set_count_flag(ref ci, 9, CLUSTER_FLAG_LOCK); break;
            case "set_next(3)": swap_cluster_info_seed.cluster_set_next(ref ci, 3); break;
            case "set_next_flag(3, 0)": swap_cluster_info_seed.cluster_set_next_flag(ref ci, 3, 0); break;
            case "set_null": swap_cluster_info_seed.cluster_set_null(ref ci); break;
            default: throw new ArgumentOutOfRangeException(nameof(setter), setter, "unknown setter");
        }
    }
}
