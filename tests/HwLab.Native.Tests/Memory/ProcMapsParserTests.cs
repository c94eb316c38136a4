using HwLab.Native.Memory;

namespace HwLab.Native.Tests.Memory;

public sealed class ProcMapsParserTests
{
    private static string Smaps => File.ReadAllText(RepoPaths.Fixture("memory/smaps-thp.txt"));

    [Fact]
    public void Parses_every_mapping_header_of_a_captured_smaps()
    {
        IReadOnlyList<MemoryMapping> maps = ProcMapsParser.ParseMaps(Smaps);
        Assert.Equal(4, maps.Count);
        Assert.Equal(0x7f0000000000UL, maps[0].Start);
        Assert.Equal(0x7f0000001000UL, maps[0].End);
        Assert.True(maps[0].IsInaccessible);
        Assert.Equal("rw-p", maps[1].Permissions);
        Assert.Equal("", maps[1].Path);
        Assert.Equal("/usr/lib/x86_64-linux-gnu/libc.so.6", maps[3].Path);
    }

    [Theory]
    [InlineData(0x7f0000001000UL, 0x7f0000401000UL, 4L * 1024 * 1024)] // exactly the huge-page mapping
    [InlineData(0x7f0000001000UL, 0x7f0000002000UL, 4096L)]             // one page of it: clamped to the range
    [InlineData(0x7f0000000000UL, 0x7f0000001000UL, 0L)]               // the guard page alone
    [InlineData(0x7f0000000000UL, 0x7f0000500000UL, 4L * 1024 * 1024)] // guard, data, and a mapping without huge pages
    public void Sums_a_field_over_the_mappings_in_a_range(ulong start, ulong end, long expected)
    {
        Assert.Equal(expected, ProcMapsParser.SumSmapsField(Smaps, "AnonHugePages", start, end));
    }

    [Fact]
    public void A_malformed_field_line_is_an_error_naming_it()
    {
        string text = "7f0000001000-7f0000002000 rw-p 00000000 00:00 0\nAnonHugePages:    lots kB\n";
        FormatException error = Assert.Throws<FormatException>(() => ProcMapsParser.SumSmapsField(text, "AnonHugePages", 0, ulong.MaxValue));
        Assert.Contains("AnonHugePages:    lots kB", error.Message, StringComparison.Ordinal);
    }
}
