using System.Text.Json;
using HwLab.Lab.Decisions;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;

namespace HwLab.Cli.Tests;

public sealed class CompareCommandTests
{
    [Fact]
    public void A_run_compared_with_itself_flags_nothing()
    {
        using var temp = new TempDirectory();
        ResultsDocument captured = ResultsFixtures.Captured();
        string a = ResultsFixtures.WriteDirectory(temp, "a", captured);
        string b = ResultsFixtures.WriteDirectory(temp, "b", captured);

        CliRun run = CliRun.InProcess("compare", a, b);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("== c2c: Core-to-core latency", run.Output, StringComparison.Ordinal);
        Assert.Contains("pair=0-1 relation=same-package impl=native", run.Output, StringComparison.Ordinal);
        Assert.Contains(" 1.000 [", run.Output, StringComparison.Ordinal);
        Assert.Contains(": 0 changed, 0 differ only with the machine state, ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("(!)", run.Output, StringComparison.Ordinal);
        // Version-1 results carry no placement probe: no placement column.
        Assert.DoesNotContain("placement A / B", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_has_every_common_point_with_both_sides()
    {
        using var temp = new TempDirectory();
        ResultsDocument captured = ResultsFixtures.Captured();
        string a = ResultsFixtures.WriteDirectory(temp, "a", captured);

        CliRun run = CliRun.InProcess("compare", a, Path.Combine(a, "results.json"), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement root = json.RootElement;
        Assert.Equal("hwlab.compare/2", root.GetProperty("schema").GetString());
        Assert.Equal(5, root.GetProperty("thresholdPercent").GetDouble());
        Assert.Equal((1 / 1.05, 1.05), (root.GetProperty("bandLow").GetDouble(), root.GetProperty("bandHigh").GetDouble()));
        JsonElement first = root.GetProperty("experiments")[0].GetProperty("points")[0];
        Assert.Equal(1, first.GetProperty("ratio").GetDouble());
        // Five samples a point, one short of an interval: not decided, with null ends, never NaN.
        Assert.Equal("not decided", first.GetProperty("state").GetString());
        Assert.Equal(
            $"5 sample(s) on A and 5 on B: an interval needs at least {Decider.MinimumRounds} a side, so no difference is flagged",
            first.GetProperty("why").GetString());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (first.GetProperty("ciLower").ValueKind, first.GetProperty("ciUpper").ValueKind));
        Assert.False(first.GetProperty("flagged").GetBoolean());
        JsonElement sideA = first.GetProperty("a");
        Assert.Equal(5, sideA.GetProperty("used").GetInt32());
        Assert.Equal(JsonValueKind.Null, sideA.GetProperty("ciLower").ValueKind);
        Assert.Equal(JsonValueKind.Null, sideA.GetProperty("placement").ValueKind);
        Assert.Equal(0, root.GetProperty("compared").GetInt32());
        Assert.Equal((0, 0), (root.GetProperty("changed").GetInt32(), root.GetProperty("machineStateDiffered").GetInt32()));
        Assert.Equal(0, root.GetProperty("withinNoise").GetInt32() + root.GetProperty("unchanged").GetInt32());
        // The reserve points have one sample each: no interval, so null ends, never NaN.
        JsonElement reserve = root.GetProperty("experiments").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "reserve").GetProperty("points")[0];
        Assert.Equal("not decided", reserve.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, reserve.GetProperty("ciLower").ValueKind);
        Assert.Equal(captured.Experiments.Sum(e => e.Points.Count), json.RootElement.GetProperty("experiments").EnumerateArray().Sum(e => e.GetProperty("points").GetArrayLength()));
    }

    [Fact]
    public void Json_output_of_points_with_enough_rounds_has_both_sides_intervals()
    {
        using var temp = new TempDirectory();
        string a = ResultsFixtures.WriteDirectory(temp, "a", RepeatedRounds.Of(ResultsFixtures.Captured()));

        CliRun run = CliRun.InProcess("compare", a, Path.Combine(a, "results.json"), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement root = json.RootElement;
        JsonElement first = root.GetProperty("experiments")[0].GetProperty("points")[0];
        Assert.Equal(1, first.GetProperty("ratio").GetDouble());
        // The managed c2c point's own spread (24.2 to 26.3 ns, its interval over ten rounds) makes B/A 0.903 to 1.107 against itself.
        Assert.Equal("within noise", first.GetProperty("state").GetString());
        Assert.True(first.GetProperty("ciLower").GetDouble() < 1 && first.GetProperty("ciUpper").GetDouble() > 1);
        Assert.False(first.GetProperty("flagged").GetBoolean());
        JsonElement sideA = first.GetProperty("a");
        Assert.True(sideA.GetProperty("ciLower").GetDouble() <= sideA.GetProperty("median").GetDouble());
        Assert.Equal(JsonValueKind.Null, sideA.GetProperty("placement").ValueKind);
        Assert.Equal(50, root.GetProperty("compared").GetInt32());
        Assert.Equal((0, 0), (root.GetProperty("changed").GetInt32(), root.GetProperty("machineStateDiffered").GetInt32()));
        Assert.Equal(50, root.GetProperty("withinNoise").GetInt32() + root.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public void A_slower_run_is_flagged_and_can_fail_the_command()
    {
        using var temp = new TempDirectory();
        // The captured figures over ten rounds: five would decide nothing.
        ResultsDocument captured = RepeatedRounds.Of(ResultsFixtures.Captured());
        ExperimentResult locks = captured.Experiment("locks")!;
        PointResult slowed = Scaled(locks.Points[0], 2);
        ResultsDocument slower = captured with { Experiments = [locks with { Points = [slowed, .. locks.Points.Skip(1)] }] };
        string a = ResultsFixtures.WriteDirectory(temp, "a", captured);
        string b = ResultsFixtures.WriteDirectory(temp, "b", slower);

        CliRun run = CliRun.InProcess("compare", a, b);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("changed (!)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"kind=bitlock contention=uncontended workers=1: changed: B higher: B/A 1\.\d{3} to 2\.\d{3}, wholly above the no-change band 0\.952 to 1\.050", run.Output);
        Assert.Contains(": 1 changed, 0 differ only with the machine state, ", run.Output, StringComparison.Ordinal);
        Assert.Contains("Experiments only in A: c2c, falseshare, swap, churn, reserve", run.Output, StringComparison.Ordinal);

        Assert.Equal(1, CliRun.InProcess("compare", a, b, "--fail-on-difference").ExitCode);
        // 150% either way: the band is 0.4 to 2.5, and the whole interval around 2 lies inside it.
        Assert.Contains(": 0 changed, ", CliRun.InProcess("compare", a, b, "--threshold", "150").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_of_different_experiments_are_a_usage_error()
    {
        using var temp = new TempDirectory();
        ResultsDocument captured = ResultsFixtures.Captured();
        string a = ResultsFixtures.WriteDirectory(temp, "a", captured with { Experiments = [captured.Experiment("c2c")!] });
        string b = ResultsFixtures.WriteDirectory(temp, "b", captured with { Experiments = [captured.Experiment("reserve")!] });

        CliRun.InProcess("compare", a, b).AssertUsageError("share no experiment (c2c against reserve)");
    }

    [Fact]
    public void Results_of_another_schema_are_a_usage_error()
    {
        using var temp = new TempDirectory();
        string a = ResultsFixtures.WriteDirectory(temp, "a", ResultsFixtures.Captured());
        File.WriteAllText(temp.File("old.json"), "{\"schema\": \"hwlab.results/0\"}");

        CliRun.InProcess("compare", a, temp.File("old.json")).AssertUsageError("has schema hwlab.results/0");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.001")]
    [InlineData("1000.001")]
    [InlineData("1e309")]
    [InlineData("NaN")]
    [InlineData("lots")]
    public void A_bad_threshold_is_a_usage_error(string threshold)
    {
        CliRun.InProcess("compare", "a", "b", "--threshold", threshold).AssertUsageError($"--threshold must be a percentage from 0 to 1000, not '{threshold}'");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1000")]
    public void The_threshold_range_ends_are_accepted(string threshold)
    {
        using var temp = new TempDirectory();
        string a = ResultsFixtures.WriteDirectory(temp, "a", ResultsFixtures.Captured());
        CliRun run = CliRun.InProcess("compare", a, a, "--threshold", threshold, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public void Both_sides_are_required()
    {
        Assert.Equal(2, CliRun.InProcess("compare", "a").ExitCode);
    }

    [Fact]
    public void A_changed_verdict_shows_what_each_side_decided_it_on()
    {
        using var temp = new TempDirectory();
        ResultsDocument captured = ResultsFixtures.Captured();
        ExperimentResult falseShare = captured.Experiment("falseshare")!;
        DecisionRule rule = DecisionRule.Above("ns at 8 bytes over 128 bytes, per round", 1.10);
        ResultsDocument Deciding(params double[] ratios) => captured with
        {
            Experiments =
            [
                falseShare with
                {
                    Verdicts = [Verdict.Decided("False sharing costs.", "penalty", Decider.Decide(rule, [.. ratios.Select((r, i) => new RoundValue(i, r, null))])) with { Topic = Topics.SeedFalseSharing }],
                },
            ],
        };
        string a = ResultsFixtures.WriteDirectory(temp, "a", Deciding(3.1, 3.0, 3.2, 3.1, 2.9, 3.1));
        string b = ResultsFixtures.WriteDirectory(temp, "b", Deciding(1.0, 1.02, 0.98, 1.01, 0.99, 1.0));

        CliRun run = CliRun.InProcess("compare", a, b);

        Assert.True(run.ExitCode == 0, run.Error);
        // Six rounds: the order-statistic interval is the lowest to the highest.
        Assert.Contains(
            "verdict changed: False sharing costs. A: confirmed (3.10, 95% 2.90 to 3.20, above 1.10, 6 rounds), B: refuted (1.00, 95% 0.980 to 1.02, above 1.10, 6 rounds)",
            run.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_difference_that_came_with_another_placement_is_the_machine_s_and_does_not_fail_the_command()
    {
        using var temp = new TempDirectory();
        ResultsDocument captured = ResultsFixtures.Captured();
        ExperimentResult c2c = RepeatedRounds.Of(captured.Experiment("c2c")!);
        // The 2-vCPU guest's two states: about 25 ns with the vCPUs near, about 290 ns far apart.
        ExperimentResult near = c2c with { Points = [.. c2c.Points.Select(p => Probed(p, 1, 25))] };
        ExperimentResult far = c2c with { Points = [.. c2c.Points.Select(p => Probed(p, 11.5, 290))] };
        string a = ResultsFixtures.WriteDirectory(temp, "a", captured with { Experiments = [near] });
        string b = ResultsFixtures.WriteDirectory(temp, "b", captured with { Experiments = [far] });

        CliRun json = CliRun.InProcess("compare", a, b, "--json", "--fail-on-difference");

        Assert.True(json.ExitCode == 0, json.Error);
        using JsonDocument parsed = JsonDocument.Parse(json.Output);
        JsonElement point = parsed.RootElement.GetProperty("experiments")[0].GetProperty("points")[0];
        Assert.Equal("machine state differed", point.GetProperty("state").GetString());
        Assert.Equal("placement ~25 ns", point.GetProperty("a").GetProperty("placement").GetString());
        Assert.Equal("placement ~290 ns", point.GetProperty("b").GetProperty("placement").GetString());
        Assert.True(point.GetProperty("ciLower").GetDouble() > 1.05);
        Assert.Equal((0, 2), (parsed.RootElement.GetProperty("changed").GetInt32(), parsed.RootElement.GetProperty("machineStateDiffered").GetInt32()));

        CliRun text = CliRun.InProcess("compare", a, b);
        Assert.Contains("placement ~25 ns / placement ~290 ns", text.Output, StringComparison.Ordinal);
        Assert.Contains("impl=managed: machine state differed (placement ~25 ns vs placement ~290 ns): B/A ", text.Output, StringComparison.Ordinal);
        Assert.Contains("A ran at placement ~25 ns and B at placement ~290 ns", text.Output, StringComparison.Ordinal);
        Assert.Contains(": 0 changed, 2 differ only with the machine state, ", text.Output, StringComparison.Ordinal);
    }

    private static PointResult Scaled(PointResult point, double factor)
    {
        SampleRecord[] samples = [.. point.Samples.Select(s => s with { Value = s.Value * factor })];
        return point with { Samples = samples, Stats = Statistics.From(samples) };
    }

    // The point scaled by factor, each sample carrying a placement probe near probeNs (a few percent apart, as real probes are, and centred on it).
    private static PointResult Probed(PointResult point, double factor, double probeNs)
    {
        SampleRecord[] samples = [.. point.Samples.Select((s, i) => s with
        {
            Value = s.Value * factor,
            Extras = new Dictionary<string, double>(s.Extras) { [RoundFigures.PlacementExtra] = probeNs * (1 + (0.01 * (i - ((point.Samples.Count - 1) / 2.0)))) },
        })];
        return point with { Samples = samples, Stats = Statistics.From(samples) };
    }
}
