using System.Text.Json;

namespace HwLab.Cli.Tests;

public sealed class PlanCommandTests
{
    private static string Capture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "topology", name);

    [Fact]
    public void The_plan_for_this_machine_names_every_experiment_and_a_total_from_measured_costs()
    {
        CliRun run = CliRun.InProcess("plan", "--quick");
        Assert.True(run.ExitCode == 0, run.Error);
        foreach (string experiment in new[] { "c2c", "falseshare", "locks", "swap", "churn", "reserve" })
        {
            Assert.Contains($"{experiment}:", run.Output, StringComparison.Ordinal);
        }
        Assert.Contains("Total: 6 experiments", run.Output, StringComparison.Ordinal);
        Assert.Contains("measured here: a lock pair", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_captured_machine_is_planned_with_documented_costs_and_runs_nothing()
    {
        CliRun run = CliRun.InProcess("plan", "--json", "--from", Capture("xeon-2s-smt-128cpu.capture"));
        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement root = document.RootElement;
        Assert.Equal("hwlab.plan/1", root.GetProperty("schema").GetString());
        Assert.Equal(128, root.GetProperty("usableCpus").GetInt32());
        Assert.StartsWith("documented", root.GetProperty("costs").GetProperty("source").GetString(), StringComparison.Ordinal);
        JsonElement[] experiments = [.. root.GetProperty("experiments").EnumerateArray()];
        Assert.Equal(6, experiments.Length);
        Assert.All(experiments, e => Assert.True(e.GetProperty("minimumSeconds").GetDouble() > 0, e.GetProperty("name").GetString()));
        Assert.Equal(root.GetProperty("maximumSeconds").GetDouble(), experiments.Sum(e => e.GetProperty("maximumSeconds").GetDouble()), 6);
    }

    [Fact]
    public void A_missing_or_bad_capture_is_refused()
    {
        using var temp = new TempDirectory();
        string garbage = temp.File("garbage.capture");
        File.WriteAllText(garbage, "not a capture\n");
        CliRun.InProcess("plan", "--from", temp.File("missing.capture")).AssertUsageError("--from");
        CliRun.InProcess("plan", "--from", garbage).AssertUsageError("not a topology capture");
        CliRun.InProcess("plan", "--quick", "--full").AssertUsageError("--quick and --full");
    }

    [Fact]
    public void The_suite_says_its_plan_before_it_starts()
    {
        using var temp = new TempDirectory();
        CliRun run = CliRun.InProcess("suite", "--quick", "--out", temp.File("results"));
        Assert.True(run.ExitCode is 0 or 1, run.Error);
        Assert.StartsWith("Plan: 6 experiments", run.Error.TrimStart(), StringComparison.Ordinal);
    }
}
