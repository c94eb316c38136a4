using HwLab.Layout.Probe;

namespace HwLab.Layout.Tests.Check;

public sealed class StructLayoutViewTests
{
    [Fact]
    public void Holes_between_fields_and_padding_at_the_end_are_drawn()
    {
        // struct { char c; int i; char d; } as x86-64 lays it out: 3 bytes after c, 3 after d.
        var d = new StructDescription("s", 12, 4, [new("c", 0, 1), new("i", 4, 4), new("d", 8, 1)]);

        IReadOnlyList<string> lines = StructLayoutView.Lines(d, 64, 1);

        Assert.Equal(
            [
                "struct s {",
                "    c                                /*      0       1 byte */",
                "    /* hole: 3 bytes */",
                "    i                                /*      4       4 bytes */",
                "    d                                /*      8       1 byte */",
                "    /* padding: 3 bytes */",
                "};",
                "/* size: 12, align: 4, cachelines: 1, members: 3 */",
                "/* members cover: 6 bytes, holes: 1, sum holes: 3 bytes, padding: 3 bytes */",
            ],
            lines.Take(9));
    }

    [Fact]
    public void Bitfields_show_their_bits_and_bit_holes()
    {
        var d = new StructDescription("b", 4, 4, [new("lo", 0, 4, 0, 3), new("hi", 0, 4, 8, 20)]);

        IReadOnlyList<string> lines = StructLayoutView.Lines(d, 64, 1);

        Assert.Contains("    lo                               /*      0:0     3 bits */", lines);
        Assert.Contains("    /* hole: 5 bits */", lines);
        Assert.Contains("    hi                               /*      1:0    20 bits */", lines);
        Assert.Contains("    /* padding: 4 bits */", lines);
    }

    [Fact]
    public void Cache_line_boundaries_and_fields_across_them_are_marked()
    {
        var d = new StructDescription("big", 136, 8, [new("head", 0, 60), new("across", 60, 8), new("tail", 128, 8)]);

        IReadOnlyList<string> lines = StructLayoutView.Lines(d, 64, 1);

        Assert.Contains("    across                           /*     60       8 bytes */  /* crosses cacheline 1 boundary */", lines);
        int hole = lines.ToList().IndexOf("    /* hole: 60 bytes */");
        Assert.Equal("    /* --- cacheline 2 boundary (128 bytes) --- */", lines[hole + 1]);
        Assert.Equal("/* size: 136, align: 8, cachelines: 3, members: 3 */", lines.Single(l => l.StartsWith("/* size", StringComparison.Ordinal)));
    }

    [Fact]
    public void Union_members_overlap_without_holes()
    {
        var d = new StructDescription("u", 8, 8, [new("l", 0, 8), new("i", 0, 4), new("s", 4, 2)]);

        IReadOnlyList<string> lines = StructLayoutView.Lines(d, 64, 1);

        Assert.DoesNotContain(lines, l => l.Contains("hole */", StringComparison.Ordinal) || l.Contains("padding */", StringComparison.Ordinal));
        Assert.Contains("/* members cover: 8 bytes, holes: 0, sum holes: 0 bytes, padding: 0 bytes */", lines);
    }

    [Fact]
    public void The_array_summary_counts_objects_across_line_boundaries()
    {
        // 24-byte objects from 0 on 64-byte lines: of every 8 (192 bytes), those at 48 and 120 straddle.
        var d = new StructDescription("spin", 24, 8, [new("lock", 0, 24)]);

        IReadOnlyList<string> lines = StructLayoutView.Lines(d, 64, 1000);

        Assert.Equal(
            [
                "/* array of 1000: 24000 bytes on 375 cachelines of 64 bytes, from a line-aligned start */",
                "/* objects per cacheline: 2.67 */",
                "/* objects straddling a cacheline boundary: 250 of 1000 */",
                "/* bytes per million objects: 24000000 */",
            ],
            lines.TakeLast(4));
    }

    [Theory]
    [InlineData(24, 64, 3)] // the third object straddles; a count shifted by one object would give 0
    [InlineData(24, 64, 5)]
    [InlineData(24, 64, 1000)]
    [InlineData(12, 64, 333)]
    [InlineData(8, 64, 77)]
    [InlineData(80, 64, 9)]
    [InlineData(40, 128, 1001)]
    public void Straddling_equals_counting_every_object(int size, int lineSize, int count)
    {
        long counted = Enumerable.Range(0, count).Count(i => (long)i * size / lineSize != (((long)i * size) + size - 1) / lineSize);

        Assert.Equal(counted, StructLayoutView.Straddling(size, lineSize, count));
    }

    [Fact]
    public void A_field_that_ends_on_a_boundary_does_not_cross_it()
    {
        // 64 + 64 bytes on 64-byte lines: the first field ends exactly where line 1 begins.
        var d = new StructDescription("two_lines", 128, 8, [new("first", 0, 64), new("second", 64, 64)]);

        IReadOnlyList<string> lines = StructLayoutView.Lines(d, 64, 1);

        Assert.Equal(
            [
                "struct two_lines {",
                "    first                            /*      0      64 bytes */",
                "    /* --- cacheline 1 boundary (64 bytes) --- */",
                "    second                           /*     64      64 bytes */",
                "};",
                "/* size: 128, align: 8, cachelines: 2, members: 2 */",
                "/* members cover: 128 bytes, holes: 0, sum holes: 0 bytes, padding: 0 bytes */",
            ],
            lines.Take(7));
    }

    [Fact]
    public void Odd_bit_counts_and_a_part_line_read_in_bits_and_whole_lines()
    {
        // One bit used of a 63-byte object: 1 bit, then 503 bits of padding; it needs one 64-byte line.
        var d = new StructDescription("odd", 63, 1, [new("flag", 0, 1, 0, 1)]);

        IReadOnlyList<string> lines = StructLayoutView.Lines(d, 64, 1);

        Assert.Contains("    flag                             /*      0:0     1 bits */", lines);
        Assert.Contains("    /* padding: 503 bits */", lines);
        Assert.Contains("/* size: 63, align: 1, cachelines: 1, members: 1 */", lines);
        Assert.Contains("/* members cover: 1 bit, holes: 0, sum holes: 0 bytes, padding: 503 bits */", lines);
    }

    [Theory]
    [InlineData(0, 64, 1)]
    [InlineData(8, 0, 1)]
    [InlineData(8, 64, 0)]
    public void Lines_refuse_sizes_and_counts_that_are_not_positive(int size, int lineSize, int count)
        => Assert.Throws<ArgumentOutOfRangeException>(() => StructLayoutView.Lines(new StructDescription("s", size, 1, []), lineSize, count));

    [Fact]
    public void Straddling_refuses_what_cannot_be_an_array()
    {
        Assert.Throws<ArgumentNullException>(() => StructLayoutView.Lines(null!, 64, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StructLayoutView.Straddling(0, 64, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StructLayoutView.Straddling(8, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StructLayoutView.Straddling(8, 64, -1));
        Assert.Equal(0, StructLayoutView.Straddling(24, 64, 0));
    }

    [Fact]
    public void A_single_byte_of_hole_or_padding_reads_in_the_singular()
    {
        var d = new StructDescription("s", 4, 2, [new("a", 0, 1), new("b", 2, 1)]);

        IReadOnlyList<string> lines = StructLayoutView.Lines(d, 64, 1);

        Assert.Contains("    /* hole: 1 byte */", lines);
        Assert.Contains("    /* padding: 1 byte */", lines);
    }
}
