using System.Text.Json;
using HwLab.Native.Threading;

namespace HwLab.Cli.Tests;

public sealed class TopologyCommandTests
{
    [Fact]
    public void Json_reports_the_allowed_cpus_line_size_hypervisor_and_counters()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the full topology is read from Linux sysfs");
        CliRun run = CliRun.InProcess("topology", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);

        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement root = document.RootElement;
        Assert.Equal("hwlab.topology/1", root.GetProperty("schema").GetString());
        JsonElement topology = root.GetProperty("topology");
        Assert.Equal(ThreadPinning.AllowedCpus, CpuSet.Parse(topology.GetProperty("usable").GetString()!));
        Assert.Equal(64, topology.GetProperty("lineSize").GetInt32());

        bool cpuinfoSaysHypervisor = File.ReadAllText("/proc/cpuinfo").Contains(" hypervisor", StringComparison.Ordinal);
        Assert.Equal(cpuinfoSaysHypervisor, topology.GetProperty("hypervisor").GetProperty("present").GetBoolean());

        JsonElement[] counters = [.. root.GetProperty("counters").EnumerateArray()];
        Assert.Equal(["task-clock", "context-switches", "cpu-migrations", "cycles", "instructions", "cache-misses"],
            counters.Select(c => c.GetProperty("name").GetString()));
        foreach (JsonElement counter in counters)
        {
            bool available = counter.GetProperty("available").GetBoolean();
            JsonElement reason = counter.GetProperty("unavailableReason");
            // Available with no reason, or unavailable with one: never a silent zero.
            Assert.Equal(available, reason.ValueKind == JsonValueKind.Null);
            if (!available)
            {
                Assert.False(string.IsNullOrWhiteSpace(reason.GetString()));
            }
        }
    }

    [Fact]
    public void Tables_name_the_machine_caches_and_counters()
    {
        CliRun run = CliRun.InProcess("topology");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Line size", run.Output, StringComparison.Ordinal);
        Assert.Contains("== Caches", run.Output, StringComparison.Ordinal);
        Assert.Contains("task-clock", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capture_reads_back_to_the_same_topology()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "captures are of Linux sysfs");
        using var temp = new TempDirectory();
        string capture = temp.File("machine.capture");

        CliRun live = CliRun.InProcess("topology", "--json", "--capture", capture);
        CliRun replay = CliRun.InProcess("topology", "--json", "--from", capture);

        Assert.Equal(0, live.ExitCode);
        Assert.Equal(0, replay.ExitCode);
        using JsonDocument liveJson = JsonDocument.Parse(live.Output);
        using JsonDocument replayJson = JsonDocument.Parse(replay.Output);
        Assert.Equal(liveJson.RootElement.GetProperty("topology").GetRawText(), replayJson.RootElement.GetProperty("topology").GetRawText());
        Assert.Equal(JsonValueKind.Null, replayJson.RootElement.GetProperty("counters").ValueKind);
    }

    [Fact]
    public void A_capture_into_a_missing_directory_is_refused_before_anything_is_written()
    {
        using var temp = new TempDirectory();
        string target = Path.Combine(temp.Path, "missing", "machine.capture");
        CliRun.InProcess("topology", "--capture", target).AssertUsageError("does not exist");
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void A_file_that_is_not_a_capture_is_refused()
    {
        using var temp = new TempDirectory();
        string garbage = temp.File("garbage.txt");
        File.WriteAllText(garbage, "cpuid/0xZZ.0x0:eax=nonsense\n");
        CliRun.InProcess("topology", "--from", garbage).AssertUsageError("not a topology capture");
    }
}
