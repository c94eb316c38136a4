namespace HwLab.Cli.Tests;

/// <summary>`hwlab topology --from` holds a bad capture to the bad-input contract: one line, exit 2, nothing written.</summary>
public sealed class BadCaptureCommandTests
{
    private const string Online = "/sys/devices/system/cpu/online:0-1";
    private const string L1LineSize = "/sys/devices/system/cpu/cpu0/cache/index0/coherency_line_size:64";

    // Two CPUs, one core each, each with an L1 data cache: a capture in the form `--capture`
    // writes, small enough to read here.
    private const string Capture = """
        # Two CPUs, one core each.
        /proc/sys/kernel/osrelease:6.1.0
        /sys/devices/system/cpu/cpu0/cache/index0/coherency_line_size:64
        /sys/devices/system/cpu/cpu0/cache/index0/level:1
        /sys/devices/system/cpu/cpu0/cache/index0/shared_cpu_list:0
        /sys/devices/system/cpu/cpu0/cache/index0/size:48K
        /sys/devices/system/cpu/cpu0/cache/index0/type:Data
        /sys/devices/system/cpu/cpu0/topology/core_id:0
        /sys/devices/system/cpu/cpu0/topology/physical_package_id:0
        /sys/devices/system/cpu/cpu1/cache/index0/coherency_line_size:64
        /sys/devices/system/cpu/cpu1/cache/index0/level:1
        /sys/devices/system/cpu/cpu1/cache/index0/shared_cpu_list:1
        /sys/devices/system/cpu/cpu1/cache/index0/size:48K
        /sys/devices/system/cpu/cpu1/cache/index0/type:Data
        /sys/devices/system/cpu/cpu1/topology/core_id:1
        /sys/devices/system/cpu/cpu1/topology/physical_package_id:0
        /sys/devices/system/cpu/online:0-1

        """;

    [Fact]
    public void The_uncorrupted_capture_reads()
    {
        using var temp = new TempDirectory();
        string path = Write(temp, Capture);

        CliRun run = CliRun.InProcess("topology", "--from", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Contains("Line size", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Online, "/sys/devices/system/cpu/online:abc", "/sys/devices/system/cpu/online: CPU list 'abc'")]
    [InlineData(Online, "/sys/devices/system/cpu/online:0-4000000000", "'0-4000000000' names a CPU beyond 8191")]
    [InlineData(Online, "/sys/devices/system/cpu/online:", "/sys/devices/system/cpu/online: the list of online CPUs is empty")]
    [InlineData(Online, Online + "\n" + Online, "/sys/devices/system/cpu/online: 2 lines where the kernel writes one")]
    [InlineData(L1LineSize, "/sys/devices/system/cpu/cpu0/cache/index0/coherency_line_size:abc", "coherency_line_size: 'abc' is not a cache line size")]
    [InlineData(L1LineSize, "/sys/devices/system/cpu/cpu0/cache/index0/coherency_line_size:7", "coherency_line_size: '7' is not a cache line size")]
    [InlineData(L1LineSize, "/sys/devices/system/cpu/cpu0/cache/index0/coherency_line_size:2048", "coherency_line_size: '2048' is not a cache line size")]
    [InlineData(L1LineSize, "/sys/devices/system/cpu/cpu0/cache/index0/coherency_line_size:99999999999999999999", "'99999999999999999999' is not a cache line size")]
    [InlineData("/sys/devices/system/cpu/cpu1/topology/core_id:1", "/sys/devices/system/cpu/cpu1/topology/core_id:99999999999999999999", "core_id: '99999999999999999999' is out of range")]
    [InlineData("/sys/devices/system/cpu/cpu0/cache/index0/size:48K", "/sys/devices/system/cpu/cpu0/cache/index0/size:99999999999999999999K", "is too large a size")]
    public void A_corrupted_value_is_a_usage_error_naming_the_entry(string line, string corrupted, string expected)
    {
        Assert.Contains(line + "\n", Capture, StringComparison.Ordinal);
        AssertRefused(Capture.Replace(line + "\n", corrupted + "\n", StringComparison.Ordinal), expected);
    }

    [Theory]
    [InlineData("", "the capture holds no file and no CPUID leaf")]
    [InlineData("# nothing but a comment\n", "the capture holds no file and no CPUID leaf")]
    [InlineData("/proc/sys/kernel/osrelease:6.1.0\n", "No CPU is named")]
    [InlineData("\u0000\u0001garbage\n", "is not PATH:TEXT")]
    public void A_capture_without_a_machine_is_a_usage_error(string capture, string expected)
    {
        AssertRefused(capture, expected);
    }

    [Fact]
    public void A_file_recorded_twice_is_a_usage_error_naming_it()
    {
        AssertRefused(Capture + "/proc/sys/kernel/osrelease:6.1.0\n", "/proc/sys/kernel/osrelease is recorded twice (first on line 2)");
    }

    [Fact]
    public void A_truncated_capture_is_a_usage_error()
    {
        AssertRefused(Capture[..Capture.IndexOf("/cache/index0/type:Data", StringComparison.Ordinal)], "is not PATH:TEXT");
    }

    [Fact]
    public void A_bad_capture_saves_nothing()
    {
        using var temp = new TempDirectory();
        string path = Write(temp, Capture.Replace(L1LineSize, L1LineSize[..^2] + "12", StringComparison.Ordinal));
        string saved = temp.File("saved.capture");

        CliRun.InProcess("topology", "--from", path, "--capture", saved).AssertUsageError("'12' is not a cache line size");

        Assert.False(File.Exists(saved));
    }

    private static void AssertRefused(string capture, string expected)
    {
        using var temp = new TempDirectory();
        string path = Write(temp, capture);

        CliRun run = CliRun.InProcess("topology", "--from", path);

        run.AssertUsageError(expected);
        Assert.StartsWith($"hwlab: --from {path}: not a topology capture (", run.Error, StringComparison.Ordinal);
    }

    private static string Write(TempDirectory temp, string capture)
    {
        string path = temp.File("machine.capture");
        File.WriteAllText(path, capture);
        return path;
    }
}
