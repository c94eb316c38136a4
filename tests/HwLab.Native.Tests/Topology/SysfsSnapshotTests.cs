using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

public sealed class SysfsSnapshotTests
{
    public static TheoryData<string> Fixtures => [.. TopologyFixtures.All];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Capture_text_round_trips(string fixture)
    {
        SysfsSnapshot loaded = TopologyFixtures.Load(fixture);
        SysfsSnapshot reloaded = SysfsSnapshot.Parse(loaded.ToCaptureText());

        Assert.Equal(loaded, reloaded);
        Assert.Equal(loaded.GetHashCode(), reloaded.GetHashCode());
        Assert.NotEmpty(loaded.Files);
        Assert.NotEmpty(loaded.Comments);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixtures_are_written_in_the_canonical_form(string fixture)
    {
        // The generator script and the live capture both write what ToCaptureText writes, so a
        // regenerated fixture gives a readable diff.
        string text = TopologyFixtures.Text(fixture).ReplaceLineEndings("\n");
        Assert.Equal(text, SysfsSnapshot.Parse(text).ToCaptureText());
    }

    [Fact]
    public void Grep_output_gives_files_with_colons_and_several_lines()
    {
        const string Grep = """
            /sys/devices/system/cpu/online:0-3
            /proc/cpuinfo:processor	: 0
            /proc/cpuinfo:model name	: Example: CPU @ 2.00GHz
            /proc/cpuinfo:
            /proc/cpuinfo:processor	: 1
            /sys/devices/system/cpu/cpu0/topology/core_id:0
            """;

        SysfsSnapshot snapshot = SysfsSnapshot.Parse(Grep);

        Assert.True(snapshot.TryGet("/proc/cpuinfo", out string? cpuInfo));
        Assert.Equal("processor\t: 0\nmodel name\t: Example: CPU @ 2.00GHz\n\nprocessor\t: 1", cpuInfo);
        Assert.True(snapshot.TryGet("/sys/devices/system/cpu/online", out string? online));
        Assert.Equal("0-3", online);
        Assert.Equal(3, snapshot.Files.Count);
        Assert.False(snapshot.Contains("/sys/devices/system/cpu/possible"));
    }

    [Fact]
    public void Comments_blank_lines_and_carriage_returns_are_not_content()
    {
        SysfsSnapshot snapshot = SysfsSnapshot.Parse("# first\r\n#second\r\n\r\n/proc/sys/kernel/osrelease:6.1.0\r\n/sys/devices/system/cpu/cpu0/topology/die_id:\r\n");

        Assert.Equal(["first", "second"], snapshot.Comments);
        Assert.True(snapshot.TryGet("/proc/sys/kernel/osrelease", out string? release));
        Assert.Equal("6.1.0", release);
        // An empty file is one line with nothing after the colon.
        Assert.True(snapshot.TryGet("/sys/devices/system/cpu/cpu0/topology/die_id", out string? empty));
        Assert.Equal("", empty);
        Assert.Equal("# first\n# second\n/proc/sys/kernel/osrelease:6.1.0\n/sys/devices/system/cpu/cpu0/topology/die_id:\n", snapshot.ToCaptureText());
    }

    [Fact]
    public void Cpuid_pseudo_paths_become_leaves()
    {
        SysfsSnapshot snapshot = SysfsSnapshot.Parse(
            "cpuid/0x00000004.0x1:eax=0x1c004122 ebx=0x01c0003f ecx=0x0000003f edx=0x00000000\n" +
            "cpuid/80000000.0:edx=0x4 ecx=0x3 ebx=0x2 eax=0x80000008\n");

        Assert.Empty(snapshot.Files);
        Assert.True(snapshot.TryGetCpuId(4, 1, out CpuIdRegisters leaf4));
        Assert.Equal(new CpuIdRegisters(0x1c004122, 0x01c0003f, 0x3f, 0), leaf4);
        Assert.True(snapshot.TryGetCpuId(0x80000000, 0, out CpuIdRegisters ext));
        Assert.Equal(new CpuIdRegisters(0x80000008, 2, 3, 4), ext);
        Assert.False(snapshot.TryGetCpuId(4, 0, out _));
        Assert.Contains("cpuid/0x80000000.0x0:eax=0x80000008 ebx=0x00000002 ecx=0x00000003 edx=0x00000004\n", snapshot.ToCaptureText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no colon here", "line 2")]
    [InlineData(":starts with a colon", "line 2")]
    [InlineData("cpuid/4.1:eax=0x1 ebx=0x2 ecx=0x3", "cpuid/4.1")]
    [InlineData("cpuid/4.1:eax=0x1 ebx=0x2 ecx=0x3 edx=0x4 eax=0x5", "cpuid/4.1")]
    [InlineData("cpuid/4.1:eax=0xZZ ebx=0x2 ecx=0x3 edx=0x4", "cpuid/4.1")]
    [InlineData("cpuid/leaf4:eax=0x1 ebx=0x2 ecx=0x3 edx=0x4", "cpuid/leaf4")]
    [InlineData("cpuid/0.0:eax=0x1 ebx=0x2 ecx=0x3 edx=0x4", "recorded twice")]
    public void Malformed_capture_lines_are_rejected_with_their_line(string badLine, string named)
    {
        string text = "cpuid/0.0:eax=0x1 ebx=0x2 ecx=0x3 edx=0x4\n" + badLine + "\n";

        FormatException e = Assert.Throws<FormatException>(() => SysfsSnapshot.Parse(text));

        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_are_ordered_with_numbers_compared_as_numbers()
    {
        var snapshot = new SysfsSnapshot([
            KeyValuePair.Create("/sys/devices/system/cpu/cpu10/topology/core_id", "10"),
            KeyValuePair.Create("/sys/devices/system/cpu/cpu2/topology/core_id", "2"),
            KeyValuePair.Create("/sys/devices/system/cpu/cpu1/topology/core_id", "1"),
        ]);

        Assert.Equal(
            ["/sys/devices/system/cpu/cpu1/topology/core_id", "/sys/devices/system/cpu/cpu2/topology/core_id", "/sys/devices/system/cpu/cpu10/topology/core_id"],
            snapshot.Files.Keys);
        Assert.Equal(["/sys/devices/system/cpu/cpu10/topology/core_id"], snapshot.PathsUnder("/sys/devices/system/cpu/cpu10"));
    }

    [Fact]
    public void With_and_without_give_changed_copies()
    {
        SysfsSnapshot kvm = TopologyFixtures.Load(TopologyFixtures.Kvm);

        SysfsSnapshot without = kvm.Without("/sys/devices/system/cpu/online");
        SysfsSnapshot changed = kvm.With("/sys/devices/system/cpu/online", "0");

        Assert.True(kvm.Contains("/sys/devices/system/cpu/online"));
        Assert.False(without.Contains("/sys/devices/system/cpu/online"));
        Assert.True(changed.TryGet("/sys/devices/system/cpu/online", out string? online));
        Assert.Equal("0", online);
        Assert.NotEqual(kvm, changed);
        Assert.Equal(kvm, without.With("/sys/devices/system/cpu/online", "0-1"));
        Assert.Empty(kvm.WithCpuIdLeaves([]).CpuIdLeaves);
    }

    [Theory]
    [InlineData("/proc/has:colon")]
    [InlineData("#comment")]
    [InlineData("cpuid/0x0.0x0")]
    [InlineData("")]
    public void Paths_a_capture_cannot_hold_are_refused(string path)
    {
        Assert.ThrowsAny<ArgumentException>(() => new SysfsSnapshot([KeyValuePair.Create(path, "x")]));
    }

    [Fact]
    public void Text_with_carriage_returns_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SysfsSnapshot([KeyValuePair.Create("/proc/x", "a\r\nb")]));
    }
}
