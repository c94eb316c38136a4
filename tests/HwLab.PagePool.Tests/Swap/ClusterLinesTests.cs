using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

public sealed class ClusterLinesTests
{
    private const int Line = 64;

    [Fact]
    public void A_24_byte_entry_at_bytes_48_to_71_covers_two_lines()
    {
        Assert.Equal(0, ClusterLines.First(2, 24, Line));
        Assert.Equal(1, ClusterLines.Last(2, 24, Line));
    }

    [Theory]
    [InlineData(2, 3, 24, true)]  // entry 2 straddles into line 1, where entry 3 (bytes 72..95) lies
    [InlineData(3, 2, 24, true)]  // the same pair the other way round
    [InlineData(0, 2, 24, true)]  // entry 2's head is in line 0 with entry 0
    [InlineData(0, 3, 24, false)] // bytes 0..23 and 72..95: a whole line apart
    [InlineData(0, 2, 32, false)]
    [InlineData(0, 7, 8, true)]
    [InlineData(7, 8, 8, false)]
    [InlineData(0, 1, 64, false)]
    public void Entries_share_a_line_exactly_when_their_byte_ranges_meet_one(long a, long b, int entryBytes, bool shared)
    {
        Assert.Equal(shared, ClusterLines.ShareALine(a, b, entryBytes, Line));
    }
}
