using System.Text.Json;
using HwLab.Native.Threading;

namespace HwLab.Native.Tests.Threading;

public sealed class CpuSetTests
{
    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("0-3", new[] { 0, 1, 2, 3 })]
    [InlineData("0-1,4,6-7", new[] { 0, 1, 4, 6, 7 })]
    [InlineData(" 5,1,3 \n", new[] { 1, 3, 5 })]
    [InlineData("0-9:4", new[] { 0, 4, 8 })]
    [InlineData("0-63:32,1", new[] { 0, 1, 32 })]
    [InlineData("2,2,2-3", new[] { 2, 3 })]
    [InlineData("", new int[0])]
    public void Parses_kernel_cpulists_and_strides(string text, int[] expected)
    {
        Assert.Equal(expected, CpuSet.Parse(text));
    }

    [Theory]
    [InlineData("a", "'a' is not a CPU number")]
    [InlineData("3-1", "ends before it starts")]
    [InlineData("0-7:0", "stride")]
    [InlineData("4:2", "has a stride but no range")]
    [InlineData("1,,2", "empty entry")]
    [InlineData("-1", "not a CPU number")]
    [InlineData("0-99999999", "beyond")]
    public void Rejects_malformed_lists_naming_the_bad_part(string text, string expected)
    {
        Assert.False(CpuSet.TryParse(text, out _, out string? error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        FormatException thrown = Assert.Throws<FormatException>(() => CpuSet.Parse(text));
        Assert.Equal(error, thrown.Message);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3, 8, 10, 11 }, "0-3,8,10-11")]
    [InlineData(new[] { 7 }, "7")]
    [InlineData(new int[0], "")]
    public void Prints_collapsed_ranges_that_parse_back(int[] cpus, string expected)
    {
        CpuSet set = CpuSet.Of(cpus);
        Assert.Equal(expected, set.ToString());
        Assert.Equal(set, CpuSet.Parse(set.ToString()));
    }

    [Fact]
    public void Masks_round_trip_beyond_64_cpus()
    {
        CpuSet set = CpuSet.Of(0, 63, 64, 127, 200);
        ulong[] mask = new ulong[4];
        set.ToMask(mask);
        Assert.Equal(0x8000_0000_0000_0001UL, mask[0]);
        Assert.Equal(0x8000_0000_0000_0001UL, mask[1]);
        Assert.Equal(1UL << (200 - 192), mask[3]);
        Assert.Equal(set, CpuSet.FromMask(mask));
        Assert.Throws<ArgumentException>(() => set.ToMask(new ulong[3]));
    }

    [Fact]
    public void Parses_sysfs_hex_masks_most_significant_group_first()
    {
        Assert.Equal(CpuSet.Of(0, 1, 32, 33, 34, 35), CpuSet.ParseMask("0000000f,00000003\n"));
        Assert.Throws<FormatException>(() => CpuSet.ParseMask("xyz"));
    }

    [Fact]
    public void Set_operations()
    {
        CpuSet a = CpuSet.Range(0, 7);
        CpuSet b = CpuSet.Parse("4-11");
        Assert.Equal(CpuSet.Range(4, 7), a.Intersect(b));
        Assert.Equal(CpuSet.Range(0, 11), a.Union(b));
        Assert.Equal(CpuSet.Range(0, 3), a.Except(b));
        Assert.True(CpuSet.Range(2, 3).IsSubsetOf(a));
        Assert.False(b.IsSubsetOf(a));
        Assert.Equal(7, a.Max);
        Assert.Throws<InvalidOperationException>(() => CpuSet.Empty.Max);
    }

    [Fact]
    public void Json_form_is_the_cpulist_string()
    {
        CpuSet set = CpuSet.Parse("0-3,8");
        string json = JsonSerializer.Serialize(new { Allowed = set });
        Assert.Equal("{\"Allowed\":\"0-3,8\"}", json);
        Assert.Equal(set, JsonSerializer.Deserialize<CpuSet>("\"0-3,8\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CpuSet>("\"3-1\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CpuSet>("[0,1]"));
    }
}
