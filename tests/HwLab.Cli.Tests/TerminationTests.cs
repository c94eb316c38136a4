using System.Diagnostics;
using HwLab.Lab.Results;
using Mono.Unix.Native;

namespace HwLab.Cli.Tests;

/// <summary>SIGTERM (timeout, systemd, a cancelled CI job) keeps what was measured, as the first Ctrl+C does.</summary>
public sealed class TerminationTests
{
    [Fact]
    public void Sigterm_mid_suite_exits_143_and_keeps_the_completed_experiments()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "POSIX signals");
        using var temp = new TempDirectory();
        string directory = temp.File("results");
        string results = Path.Combine(directory, ResultsDirectory.ResultsFile);
        using HwLabProcess suite = HwLabProcess.Start("suite", "--quick", "--out", directory);
        suite.WaitUntil(() => File.Exists(results), TimeSpan.FromMinutes(2), "the first experiment's results");

        suite.Signal(Signum.SIGTERM);
        var clock = Stopwatch.StartNew();
        CliRun run = suite.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 143, $"exit {run.ExitCode}: {run.Error}");
        Assert.Contains("hwlab: terminated (SIGTERM)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        ResultsDocument document = ResultsJson.Deserialize(File.ReadAllText(results), results);
        Assert.Contains(document.Experiments, e => e.Status == ExperimentStatus.Completed && e.Points.Count > 0);
        // Stopped part-way: the experiment in progress says so, or those after it are listed as not run.
        Assert.True(
            document.Experiments[^1].Status == ExperimentStatus.Interrupted || document.NotRun.Count > 0,
            $"statuses {string.Join(", ", document.Experiments.Select(e => e.Status))}, not run: {string.Join(", ", document.NotRun)}");
        Assert.True(File.Exists(Path.Combine(directory, ResultsDirectory.ReportFile)));
        Assert.True(File.Exists(Path.Combine(directory, ResultsDirectory.HtmlReportFile)));
        // Generous for a loaded 2-vCPU machine; what it guards against is a run that ignores the signal.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed.TotalSeconds:F1} s to stop");
    }
}
