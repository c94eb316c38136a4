using HwLab.Layout.Probe;

namespace HwLab.Layout.Tests.Check;

/// <summary>
/// The comparison behind `hwlab layout` on descriptions made up for the case, so that each way a
/// mirror can differ from C is seen on its own, sentence by sentence.
/// </summary>
public sealed class LayoutCheckTests
{
    private static readonly StructDescription s_pair = new("pair", 8, 4, [new("a", 0, 4), new("b", 4, 4)]);

    private static CLayoutDocument Document(IReadOnlyList<StructDescription> structs, IReadOnlyDictionary<string, long>? constants = null)
        => new(1, "gcc 14.2.0", 8, 8, structs, constants ?? new Dictionary<string, long>());

    [Fact]
    public void Every_difference_of_two_descriptions_is_one_sentence()
    {
        var other = new StructDescription("pair", 16, 8, [new("a", 0, 4), new("b", 8, 4), new("c", 12, 4)]);
        var mineWithExtra = s_pair with { Fields = [.. s_pair.Fields, new FieldDescription("d", 4, 4)] };

        Assert.Empty(s_pair.DifferencesFrom(s_pair with { Fields = [.. s_pair.Fields] }, "C#", "C"));
        Assert.Equal(
            [
                "sizeof is 8 in C# but 16 in C",
                "alignof is 4 in C# but 8 in C",
                "field b is b@4+4 in C# but b@8+4 in C",
                "field d is in C# but not in C",
                "field c is in C but not in C#",
            ],
            mineWithExtra.DifferencesFrom(other, "C#", "C"));
        Assert.Throws<ArgumentNullException>(() => s_pair.DifferencesFrom(null!, "C#", "C"));
    }

    [Theory]
    [InlineData("a", 0, 4, null, null, "a@0+4")]
    [InlineData("flags", 4, 4, 56, 8, "flags@4:56+8b")]
    public void A_field_reads_as_name_offset_and_size_or_bits(string name, int offset, int size, int? bitOffset, int? bitWidth, string text)
        => Assert.Equal(text, new FieldDescription(name, offset, size, bitOffset, bitWidth).ToString());

    [Fact]
    public void One_differing_mirror_among_matching_ones_fails_the_check()
    {
        var matching = new StructDescription("single", 4, 4, [new("x", 0, 4)]);
        LayoutCheck check = LayoutCheck.Compare(Document([matching, s_pair]), [matching, s_pair with { Size = 12 }], new Dictionary<string, long>(), 64);

        Assert.True(check.Rows[0].Matches);
        Assert.Same(s_pair, check.Rows[1].C);
        Assert.False(check.Rows[1].Matches);
        Assert.False(check.AllMatch);
        Assert.True(LayoutCheck.Compare(Document([matching]), [matching], new Dictionary<string, long>(), 64).AllMatch);
    }

    [Fact]
    public void A_mirror_without_C_and_a_C_struct_without_mirror_are_both_rows()
    {
        var onlyInC = new StructDescription("only_c", 4, 4, [new("x", 0, 4)]);

        LayoutCheck check = LayoutCheck.Compare(Document([onlyInC]), [s_pair], new Dictionary<string, long>(), 64);

        Assert.Equal(["pair", "only_c"], check.Rows.Select(r => r.Name));
        Assert.Equal(["the C probe does not describe pair"], check.Rows[0].Differences);
        Assert.Equal(new StructDescription("pair", 0, 0, []), check.Rows[0].C with { Fields = [] });
        Assert.Empty(check.Rows[0].C.Fields);
        Assert.Same(s_pair, check.Rows[0].Managed);
        Assert.Equal(["C# has no mirror of only_c"], check.Rows[1].Differences);
        Assert.Same(onlyInC, check.Rows[1].C);
        Assert.Empty(check.Rows[1].Managed.Fields);
        Assert.Equal("gcc 14.2.0", check.Compiler);
        Assert.Equal(64, check.LineSize);
    }

    [Fact]
    public void A_constant_C_has_and_CSharp_lacks_is_named()
    {
        CLayoutDocument c = Document([], new Dictionary<string, long> { ["SWAPFILE_CLUSTER"] = 512, ["CLUSTER_FLAG_FREE"] = 1 });

        LayoutCheck check = LayoutCheck.Compare(c, [], new Dictionary<string, long> { ["CLUSTER_FLAG_FREE"] = 1, ["ONLY_CSHARP"] = 3 }, 64);

        Assert.Equal(["SWAPFILE_CLUSTER is 512 in C but C# has no such constant"], check.ConstantDifferences);
        Assert.False(check.AllMatch);
    }

    [Fact]
    public void A_generation_row_carries_its_figures_and_a_helper_struct_none()
    {
        CLayoutDocument c = CLayoutDocument.FromNativeLibrary();

        LayoutCheck check = LayoutCheck.Compare(c, ManagedLayouts.All, ManagedLayouts.Constants, 128);

        LayoutRow seed = check.Rows.Single(r => r.Name == "swap_cluster_info_seed");
        Assert.Equal(ClusterLayouts.Get(ClusterLayout.Seed8), seed.Generation);
        Assert.Equal(GenerationFigures.For(ClusterLayouts.Get(ClusterLayout.Seed8), 128), seed.Figures);
        Assert.Equal(16, seed.Figures!.PerLine);
        LayoutRow listHead = check.Rows.Single(r => r.Name == "list_head");
        Assert.Null(listHead.Generation);
        Assert.Null(listHead.Figures);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        CLayoutDocument c = Document([]);
        var none = new Dictionary<string, long>();

        Assert.Throws<ArgumentNullException>(() => LayoutCheck.Compare(null!, [], none, 64));
        Assert.Throws<ArgumentNullException>(() => LayoutCheck.Compare(c, null!, none, 64));
        Assert.Throws<ArgumentNullException>(() => LayoutCheck.Compare(c, [], null!, 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => LayoutCheck.Compare(c, [], none, 0));
        Assert.Throws<ArgumentNullException>(() => GenerationFigures.For(null!, 64));
        Assert.Throws<InvalidOperationException>(() => ManagedLayouts.Get("no_such_struct"));
    }

    [Fact]
    public void A_document_that_is_null_or_lacks_a_struct_says_so()
    {
        var nullDocument = Assert.Throws<System.Text.Json.JsonException>(() => CLayoutDocument.Parse("null"));
        Assert.Equal("The layout probe printed null.", nullDocument.Message);

        var missing = Assert.Throws<KeyNotFoundException>(() => Document([s_pair]).Struct("absent"));
        Assert.Equal("The C layout probe describes no struct absent.", missing.Message);
        Assert.Same(s_pair, Document([s_pair]).Struct("pair"));
        Assert.Throws<System.Text.Json.JsonException>(() => CLayoutDocument.Parse("{}"));
    }
}
