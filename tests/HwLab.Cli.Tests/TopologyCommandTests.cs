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
    public void A_capture_of_a_sub_numa_machine_gives_pairs_by_relation_and_the_distance_matrix()
    {
        string capture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "topology", "intel-2s-snc.capture");
        CliRun run = CliRun.InProcess("topology", "--json", "--from", capture);
        Assert.Equal(0, run.ExitCode);

        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement root = document.RootElement;
        // 2 sockets x 2 nodes x 16 cores x 2 threads: 64 sibling pairs; within a node 32 CPUs
        // share the L3; the two nodes of a socket 32 x 32 pairs each; across sockets 64 x 64.
        Assert.Equal(
            [("smt-sibling", 64L), ("same-l2", 0L), ("same-l3", 4L * ((32 * 31 / 2) - 16)), ("same-node", 0L), ("same-package", 2L * 32 * 32), ("other-package", 64L * 64)],
            root.GetProperty("relations").EnumerateArray().Select(r => (r.GetProperty("relation").GetString(), r.GetProperty("pairs").GetInt64())));

        JsonElement distances = root.GetProperty("numaDistances");
        Assert.Equal([0, 1, 2, 3], distances.GetProperty("nodes").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Equal([10, 12, 21, 21], distances.GetProperty("rows")[0].EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal([21, 21, 12, 10], distances.GetProperty("rows")[3].EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(12, root.GetProperty("topology").GetProperty("numaNodes")[1].GetProperty("distances").GetProperty("0").GetInt32());

        CliRun tables = CliRun.InProcess("topology", "--from", capture);
        Assert.Equal(0, tables.ExitCode);
        Assert.Contains("== Pairs of usable CPUs by relation (128 CPUs)", tables.Output, StringComparison.Ordinal);
        Assert.Contains("== NUMA distances", tables.Output, StringComparison.Ordinal);
        Assert.Matches(@"same-package\s+2048\s", tables.Output);
    }

    [Fact]
    public void Json_counts_every_pair_of_usable_cpus_once()
    {
        CliRun run = CliRun.InProcess("topology", "--json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        long usable = CpuSet.Parse(document.RootElement.GetProperty("topology").GetProperty("usable").GetString()!).Count;
        long[] pairs = [.. document.RootElement.GetProperty("relations").EnumerateArray().Select(r => r.GetProperty("pairs").GetInt64())];
        Assert.Equal(6, pairs.Length);
        Assert.Equal(usable * (usable - 1) / 2, pairs.Sum());
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
