using System.Text.Json;
using HwLab.Native.Threading;

namespace HwLab.Cli.Tests;

public sealed class SuiteCommandTests
{
    [Fact]
    public void The_quick_suite_writes_results_and_a_report_that_read_back()
    {
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs for the cache-line experiments");
        using var temp = new TempDirectory();
        string dir = Path.Combine(temp.Path, "run1");
        CliRun run = CliRun.InProcess("suite", "--quick", "--out", dir);

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.Contains("Results: ", run.Output, StringComparison.Ordinal);
        string results = File.ReadAllText(Path.Combine(dir, "results.json"));
        using JsonDocument document = JsonDocument.Parse(results);
        string[] names = [.. document.RootElement.GetProperty("experiments").EnumerateArray().Select(e => e.GetProperty("name").GetString()!)];
        Assert.Equal(["c2c", "falseshare", "locks", "swap", "churn", "reserve"], names);
        Assert.Empty(document.RootElement.GetProperty("notRun").EnumerateArray());
        string report = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("## Verdicts", report, StringComparison.Ordinal);
        Assert.Contains("## falseshare:", report, StringComparison.Ordinal);
        // Plain progress lines on stderr when it is not a terminal.
        Assert.Contains("[2/6] falseshare: completed", run.Error, StringComparison.Ordinal);
        Assert.Contains("## reserve:", report, StringComparison.Ordinal);
        Assert.Contains("Timeline, policy=2015 mode=deterministic", report, StringComparison.Ordinal);
        Assert.Contains("## swap:", report, StringComparison.Ordinal);
        Assert.Contains("## churn:", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Quick_and_full_together_are_refused()
    {
        CliRun.InProcess("suite", "--quick", "--full").AssertUsageError("--quick and --full");
    }

    [Fact]
    public void An_out_path_that_is_a_file_is_refused()
    {
        using var temp = new TempDirectory();
        string file = temp.File("taken");
        File.WriteAllText(file, "keep me");
        CliRun.InProcess("suite", "--quick", "--out", file).AssertUsageError("is a regular file, not a directory");
        Assert.Equal("keep me", File.ReadAllText(file));
    }
}
