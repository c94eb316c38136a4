using HwLab.Layout.Probe;

namespace HwLab.Layout.Tests.Probe;

public sealed class LayoutProbeTests
{
    private static readonly CLayoutDocument s_c = CLayoutDocument.FromNativeLibrary();

    public static TheoryData<string> StructNames => [.. ManagedLayouts.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(StructNames))]
    public void Every_mirror_equals_the_compiled_C(string name)
    {
        StructDescription managed = ManagedLayouts.Get(name);
        StructDescription c = s_c.Struct(name);
        Assert.Equal(c.Size, managed.Size);
        Assert.Equal(c.Align, managed.Align);
        Assert.Equal(c.Fields, managed.Fields);
        Assert.Empty(managed.DifferencesFrom(c, "C#", "C"));
    }

    [Fact]
    public void The_probe_describes_every_generation_and_nothing_unmirrored()
    {
        Assert.Equal(ManagedLayouts.All.Select(s => s.Name), s_c.Structs.Select(s => s.Name));
        foreach (ClusterLayoutInfo generation in ClusterLayouts.All)
        {
            Assert.Equal(s_c.Struct(generation.CName).Size, generation.Size);
        }
    }

    [Fact]
    public void Constants_equal_the_C_macros()
    {
        Assert.Equal(s_c.Constants.OrderBy(c => c.Key), ManagedLayouts.Constants.OrderBy(c => c.Key));
    }

    [Fact]
    public void Bitfield_positions_come_from_the_compiler()
    {
        // Spot-check what GCC does on x86_64: data fills the low 24 bits of its unit, flags the top 8.
        FieldDescription data = s_c.Struct("swap_cluster_info_spinlock").Fields.Single(f => f.Name == "data");
        FieldDescription flags = s_c.Struct("swap_cluster_info_spinlock").Fields.Single(f => f.Name == "flags");
        Assert.Equal(new FieldDescription("data", 4, 4, 32, 24), data);
        Assert.Equal(new FieldDescription("flags", 4, 4, 56, 8), flags);
    }

    [Fact]
    public void The_check_passes_on_the_real_mirrors()
    {
        LayoutCheck check = LayoutCheck.Run(lineSize: 64);
        Assert.True(check.AllMatch, string.Join("; ", check.Rows.SelectMany(r => r.Differences).Concat(check.ConstantDifferences)));
        Assert.Matches("^(gcc|clang) [0-9]", check.Compiler);
    }

    [Fact]
    public void The_check_catches_a_mirror_that_is_off_by_a_byte_or_a_bit()
    {
        StructDescription good = ManagedLayouts.Get("swap_cluster_info_list");
        StructDescription movedField = good with { Fields = [.. good.Fields.Select(f => f.Name == "order" ? f with { Offset = 6 } : f)] };
        StructDescription wrongSize = good with { Size = 32 };
        StructDescription spinlock = ManagedLayouts.Get("swap_cluster_info_spinlock");
        StructDescription shiftedBits = spinlock with { Fields = [.. spinlock.Fields.Select(f => f.Name == "flags" ? f with { BitOffset = 55 } : f)] };

        LayoutCheck check = LayoutCheck.Compare(s_c, [movedField, wrongSize, shiftedBits], ManagedLayouts.Constants, 64);

        Assert.False(check.AllMatch);
        Assert.Contains(check.Rows[0].Differences, d => d.Contains("field order", StringComparison.Ordinal));
        Assert.Contains(check.Rows[1].Differences, d => d.Contains("sizeof is 32 in C# but 24 in C", StringComparison.Ordinal));
        Assert.Contains(check.Rows[2].Differences, d => d.Contains("field flags", StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_catches_a_constant_that_drifted()
    {
        var constants = new Dictionary<string, long>(ManagedLayouts.Constants) { ["CLUSTER_FLAG_LOCK_BIT"] = 3 };
        LayoutCheck check = LayoutCheck.Compare(s_c, ManagedLayouts.All, constants, 64);
        Assert.Equal(["CLUSTER_FLAG_LOCK_BIT is 3 in C# but 2 in C"], check.ConstantDifferences);
    }

    [Fact]
    public void Figures_show_the_seeds_four_KiB_per_GiB_and_eight_clusters_per_line()
    {
        LayoutCheck check = LayoutCheck.Run(lineSize: 64);
        GenerationFigures seed = check.Rows.Single(r => r.Generation?.Layout == ClusterLayout.Seed8).Figures!;
        GenerationFigures bitfield = check.Rows.Single(r => r.Generation?.Layout == ClusterLayout.Bitfield4).Figures!;
        GenerationFigures list = check.Rows.Single(r => r.Generation?.Layout == ClusterLayout.List24).Figures!;
        Assert.Equal(4096, bitfield.MetadataBytesPerGiB);
        Assert.Equal(8192, seed.MetadataBytesPerGiB);
        Assert.Equal(4096, seed.ExtraBytesPerGiBOverBitfield);
        Assert.Equal(8, seed.PerLine);
        Assert.Equal(8, seed.SwapClusterCols);
        Assert.Equal(64, seed.SwapClusterColsMerged);
        Assert.Equal(16, bitfield.PerLine);
        Assert.Equal(2.67, list.PerLine);
        Assert.Equal(3, list.SwapClusterCols);
    }

    [Fact]
    public void With_THP_SWAP_the_generations_that_had_it_cost_half_per_GiB_and_32_merged_columns()
    {
        LayoutCheck check = LayoutCheck.Run(lineSize: 64);
        GenerationFigures Figures(ClusterLayout layout) => check.Rows.Single(r => r.Generation?.Layout == layout).Figures!;

        // 512 clusters of 512 pages in a GiB: half a KiB per byte of struct.
        Assert.Equal(4096, Figures(ClusterLayout.Spinlock8).MetadataBytesPerGiBWithThpSwap);
        Assert.Equal(12 * 1024, Figures(ClusterLayout.List24).MetadataBytesPerGiBWithThpSwap);
        Assert.Equal(16 * 1024, Figures(ClusterLayout.Table32).MetadataBytesPerGiBWithThpSwap);
        Assert.Equal(24 * 1024, Figures(ClusterLayout.List24).MetadataBytesPerGiB);
        Assert.All(
            [ClusterLayout.Spinlock8, ClusterLayout.List24, ClusterLayout.Table32],
            layout =>
            {
                Assert.Equal(32, Figures(layout).SwapClusterColsMergedWithThpSwap);
                Assert.Equal(64, Figures(layout).SwapClusterColsMerged);
            });

        // No THP_SWAP before 4.13: the 4.10 form, the 4.10-based seed, and the control never had it.
        Assert.All(
            [ClusterLayout.Bitfield4, ClusterLayout.Seed8, ClusterLayout.Padded64],
            layout =>
            {
                Assert.Null(Figures(layout).MetadataBytesPerGiBWithThpSwap);
                Assert.Null(Figures(layout).SwapClusterColsMergedWithThpSwap);
            });

        // The seed's "4k more memory for every 1G swap space" stays a 256-page-cluster figure.
        Assert.Equal(4096, Figures(ClusterLayout.Seed8).ExtraBytesPerGiBOverBitfield);
    }

    [Fact]
    public void A_wide_line_lifts_the_THP_SWAP_merged_columns_above_32()
    {
        GenerationFigures list = GenerationFigures.For(ClusterLayouts.Get(ClusterLayout.List24), lineSize: 4096);
        Assert.Equal(171, list.SwapClusterCols);
        Assert.Equal(171, list.SwapClusterColsMergedWithThpSwap);
    }
}
