using HwLab.Native.Memory;

namespace HwLab.Native.Tests.Memory;

public sealed class PageArenaTests
{
    private static readonly int s_pageSize = Environment.SystemPageSize;

    [Theory]
    [InlineData(4 * 1024)]
    [InlineData(8 * 1024)]
    [InlineData(64 * 1024)]
    [InlineData(1024 * 1024)]
    [InlineData(2 * 1024 * 1024)]
    [InlineData(4 * 1024 * 1024)]
    public void Start_is_aligned_as_asked(long alignment)
    {
        Assert.SkipWhen(alignment < s_pageSize, $"alignment {alignment} is below this machine's page size {s_pageSize}");
        using PageArena arena = PageArena.Allocate((3 * s_pageSize) + 1, new PageArenaOptions { Alignment = alignment });
        Assert.Equal(0, arena.Address % alignment);
        Assert.Equal(4 * s_pageSize, arena.Length);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4096, 1)]
    [InlineData(4097, 2)]
    [InlineData(1 << 20, 256)]
    public void Size_is_rounded_up_to_whole_pages(long bytes, int pages)
    {
        Assert.SkipWhen(s_pageSize != 4096, "the page counts assume 4 KiB pages");
        using PageArena arena = PageArena.Allocate(bytes);
        Assert.Equal(pages * 4096L, arena.Length);
        Assert.Equal(0, arena.Address % 4096);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Contents_are_zeroed_and_writable(bool prefault)
    {
        using PageArena arena = PageArena.Allocate(256 * 1024, new PageArenaOptions { Prefault = prefault });
        Span<byte> bytes = arena.AsBytes();
        Assert.Equal(-1, bytes.IndexOfAnyExcept((byte)0));
        bytes.Fill(0xA5);
        Assert.Equal(-1, arena.AsBytes().IndexOfAnyExcept((byte)0xA5));
        Assert.Equal(256 * 1024 / 8, arena.AsSpan<ulong>().Length);
    }

    [Fact]
    public void Guard_pages_are_inaccessible_in_the_process_memory_map()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc/self/maps");
        using PageArena arena = PageArena.Allocate(5 * s_pageSize, new PageArenaOptions { GuardPages = true });
        ulong start = (ulong)arena.Address;
        ulong end = start + (ulong)arena.Length;
        IReadOnlyList<MemoryMapping> maps = ProcMapsParser.ParseMaps(File.ReadAllText("/proc/self/maps"));

        MemoryMapping before = Assert.Single(maps, m => m.Contains(start - 1));
        MemoryMapping data = Assert.Single(maps, m => m.Contains(start));
        MemoryMapping after = Assert.Single(maps, m => m.Contains(end));
        Assert.Equal("---p", before.Permissions);
        Assert.Equal("---p", after.Permissions);
        Assert.True(before.Start <= start - (ulong)s_pageSize, "the leading guard covers a whole page");
        Assert.True(after.End >= end + (ulong)s_pageSize, "the trailing guard covers a whole page");
        Assert.Equal("rw-p", data.Permissions);
        Assert.True(data.Start <= start && data.End >= end);
    }

    [Fact]
    public void Without_guard_pages_the_neighbours_are_not_protected_by_us()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc/self/maps");
        using PageArena arena = PageArena.Allocate(3 * s_pageSize);
        IReadOnlyList<MemoryMapping> maps = ProcMapsParser.ParseMaps(File.ReadAllText("/proc/self/maps"));
        MemoryMapping data = Assert.Single(maps, m => m.Contains((ulong)arena.Address));
        Assert.Equal("rw-p", data.Permissions);
    }

    [Fact]
    public void Released_exactly_once_and_unusable_after()
    {
        // An odd size nobody else maps, so the range is recognizable in /proc/self/maps.
        long length = 37 * s_pageSize;
        PageArena arena = PageArena.Allocate(length);
        ulong start = (ulong)arena.Address;
        Assert.Equal(0, arena.ReleaseCount);

        arena.Dispose();
        arena.Dispose();

        Assert.Equal(1, arena.ReleaseCount);
        Assert.True(arena.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => arena.Address);
        Assert.Throws<ObjectDisposedException>(() => arena.AsBytes());
        Assert.Throws<ObjectDisposedException>(() => arena.QueryHugePages());
        if (OperatingSystem.IsLinux())
        {
            IReadOnlyList<MemoryMapping> maps = ProcMapsParser.ParseMaps(File.ReadAllText("/proc/self/maps"));
            Assert.DoesNotContain(maps, m => m.Start == start && m.Length == (ulong)length);
        }
    }

    [Fact]
    public void Bad_sizes_and_alignments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PageArena.Allocate(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageArena.Allocate(-4096));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageArena.Allocate(4096, new PageArenaOptions { Alignment = 3 * 4096 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageArena.Allocate(4096, new PageArenaOptions { Alignment = 512 }));
    }

    [Fact]
    public void Slices_are_bounds_checked()
    {
        using PageArena arena = PageArena.Allocate(s_pageSize);
        Assert.Equal(8, arena.AsSpan<ulong>(10, 8).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.AsSpan<ulong>(s_pageSize / 8, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.AsSpan<ulong>(-1, 1));
    }

    [Fact]
    public unsafe void Pointer_views_are_bounds_checked_in_debug_builds()
    {
#if DEBUG
        using PageArena arena = PageArena.Allocate(s_pageSize);
        *arena.ElementPointer<long>((s_pageSize / 8) - 1) = 42;
        Assert.Equal(42, arena.AsSpan<long>()[^1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => (nint)arena.ElementPointer<long>(s_pageSize / 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => (nint)arena.BytePointer(-1));
#else
        Assert.Skip("pointer-view bounds checks are compiled into Debug builds only; run the tests with -c Debug");
#endif
    }

    [Fact]
    public void Transparent_huge_pages_are_aligned_and_reported()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "transparent huge pages are a Linux feature");
        long size = 2 * PageArenaOptions.HugePageSize;
        using PageArena arena = PageArena.Allocate(size, new PageArenaOptions { TransparentHugePages = true, Prefault = true });
        Assert.Equal(0, arena.Address % PageArenaOptions.HugePageSize);
        HugePageReport report = arena.QueryHugePages();
        Assert.True(report.Requested);
        Assert.Equal(size, report.ArenaBytes);
        Assert.False(string.IsNullOrWhiteSpace(report.Detail));
        Assert.SkipWhen(report.HugePageBytes is null or 0, $"the kernel gave this arena no huge pages: {report.Detail}");
        Assert.InRange(report.HugePageBytes!.Value, PageArenaOptions.HugePageSize, size);
        Assert.Contains("in transparent huge pages", report.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arena_that_did_not_ask_for_huge_pages_says_so()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc/self/smaps");
        using PageArena arena = PageArena.Allocate(64 * 1024);
        HugePageReport report = arena.QueryHugePages();
        Assert.False(report.Requested);
        Assert.Equal(0, report.HugePageBytes);
        Assert.Equal("not requested", report.Detail);
    }
}
