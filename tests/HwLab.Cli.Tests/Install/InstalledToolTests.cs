using System.Text.Json;
using System.Text.RegularExpressions;
using HwLab.Lab.Results;
using HwLab.Native.Threading;

namespace HwLab.Cli.Tests.Install;

/// <summary>
/// The README's install path end to end: `dotnet pack`, `dotnet tool install --tool-path`, then the
/// installed `hwlab` run from outside the repository, with nothing of the build tree to lean on.
/// </summary>
public sealed partial class InstalledToolTests : IClassFixture<InstalledTool>
{
    private const string LinuxOnly = "the tool package carries the native library built here for Linux, and topology reads Linux sysfs";

    private readonly InstalledTool _tool;

    public InstalledToolTests(InstalledTool tool)
    {
        _tool = tool;
    }

    [Fact]
    public void Topology_json_lists_this_machines_cpus()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), LinuxOnly);
        CliRun run = _tool.Run("topology", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement topology = document.RootElement.GetProperty("topology");
        CpuSet online = CpuSet.Parse(File.ReadAllText("/sys/devices/system/cpu/online").Trim());
        Assert.Equal(online, CpuSet.Of(topology.GetProperty("cpus").EnumerateArray().Select(cpu => cpu.GetProperty("id").GetInt32())));
        Assert.Equal(ThreadPinning.AllowedCpus, CpuSet.Parse(topology.GetProperty("usable").GetString()!));
    }

    [Fact]
    public void The_quick_suite_writes_results_that_read_back_and_both_reports()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), LinuxOnly);
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs for the cache-line experiments");
        string output = Path.Combine(_tool.WorkingDirectory, "results");
        CliRun run = _tool.Run("suite", "--quick", "--out", output);

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        string resultsPath = Path.Combine(output, "results.json");
        ResultsDocument results = ResultsJson.Deserialize(File.ReadAllText(resultsPath), resultsPath);
        Assert.Equal(ResultsDocument.CurrentSchema, results.Schema);
        Assert.Equal(["c2c", "falseshare", "locks", "swap", "churn", "reserve"], results.Experiments.Select(e => e.Name));
        Assert.All(results.Experiments, e => Assert.Equal(ExperimentStatus.Completed, e.Status));
        Assert.Contains("## Verdicts", File.ReadAllText(Path.Combine(output, "report.md")), StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(output, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_native_library_is_loaded_from_the_installed_package()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), LinuxOnly);
        // layout calls the C layout probe in libhwlab_native; glibc's loader names each library it initialises.
        CliRun run = _tool.RunWith(new Dictionary<string, string> { ["LD_DEBUG"] = "libs" }, "layout");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.SkipUnless(run.Error.Contains("calling init:", StringComparison.Ordinal), "the C library's loader does not trace with LD_DEBUG (not glibc)");
        string loaded = Assert.Single(NativeLibraryInit().Matches(run.Error)).Groups["path"].Value;
        Assert.StartsWith(Path.Combine(_tool.ToolPath, ".store", "hwlab") + "/", loaded, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"calling init: (?<path>\S+/libhwlab_native\.so)$", RegexOptions.Multiline)]
    private static partial Regex NativeLibraryInit();
}
