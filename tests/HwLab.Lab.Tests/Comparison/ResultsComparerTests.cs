using System.Text.Json;
using HwLab.Lab.Comparison;
using HwLab.Lab.Decisions;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;
using static HwLab.Lab.Tests.Comparison.ComparisonDocuments;

namespace HwLab.Lab.Tests.Comparison;

public sealed class ResultsComparerTests
{
    [Fact]
    public void The_captured_run_against_itself_has_every_ratio_one_and_decides_no_point_from_five_samples()
    {
        ResultsDocument run = CapturedResults.Load();
        ResultsComparison comparison = ResultsComparer.Compare(run, "a", run, "b");

        Assert.Equal(run.Experiments.Select(e => e.Name), comparison.Experiments.Select(e => e.Name));
        PointComparison[] points = [.. comparison.Experiments.SelectMany(e => e.Points)];
        Assert.Equal(run.Experiments.Sum(e => e.Points.Count), points.Length);
        Assert.All(points.Where(p => p.Ratio is not null), p => Assert.Equal(1.0, p.Ratio!.Value, 12));
        Assert.All(points, p => Assert.Equal((PointComparison.NotDecided, false), (p.State, p.Flagged)));
        Assert.Equal((0, 0, 0), (comparison.Compared, comparison.Changed, comparison.MachineStateDiffered));
        Assert.All(comparison.Experiments, e => Assert.Empty(e.VerdictChanges));
    }

    [Fact]
    public void A_run_against_itself_has_every_ratio_one_and_nothing_flagged()
    {
        ResultsDocument run = RepeatedRounds.Of(CapturedResults.Load());
        ResultsComparison comparison = ResultsComparer.Compare(run, "a", run, "b");

        Assert.Equal(run.Experiments.Select(e => e.Name), comparison.Experiments.Select(e => e.Name));
        Assert.Equal((0, 0), (comparison.Changed, comparison.MachineStateDiffered));
        Assert.True(comparison.Compared > 40);
        PointComparison[] points = [.. comparison.Experiments.SelectMany(e => e.Points)];
        Assert.Equal(run.Experiments.Sum(e => e.Points.Count), points.Length);
        Assert.All(points.Where(p => p.Ratio is not null), p => Assert.Equal(1.0, p.Ratio!.Value, 12));
        // Each side's interval holds its median, so B/A's interval, end against end, holds 1.
        Assert.All(points.Where(p => p.Judged), p => Assert.True(p.CiLower <= 1 && p.CiUpper >= 1, p.Why));
        Assert.All(comparison.Experiments, e => Assert.Empty(e.VerdictChanges));
        Assert.All(comparison.Experiments, e => Assert.Empty(e.ParameterDifferences));
    }

    [Fact]
    public void A_point_slower_beyond_both_noise_and_threshold_is_flagged()
    {
        ResultsDocument a = Document(Point("p", 10, 10.2, 9.9, 10.1, 10, 10));
        ResultsDocument b = Document(Point("p", 15, 15.3, 14.8, 15.1, 15, 15));

        ResultsComparison comparison = ResultsComparer.Compare(a, "a", b, "b");
        PointComparison point = Only(comparison);
        Assert.Equal(PointComparison.Changed, point.State);
        Assert.True(point.Flagged);
        Assert.StartsWith("B higher: ", point.Why, StringComparison.Ordinal);
        Assert.Equal(1.5, point.Ratio!.Value, 2);
        Assert.Equal(1, comparison.Changed);
        PointComparison reversed = Only(ResultsComparer.Compare(b, "b", a, "a"));
        Assert.Equal(PointComparison.Changed, reversed.State);
        Assert.StartsWith("B lower: ", reversed.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clear_but_small_difference_is_unchanged_under_the_threshold_and_changed_over_it()
    {
        ResultsDocument a = Document(Point("p", 10, 10, 10, 10, 10, 10));
        ResultsDocument b = Document(Point("p", 10.3, 10.3, 10.3, 10.3, 10.3, 10.3));

        // Exact samples: the interval is the ratio itself, 1.03, inside 5% and outside 1%.
        Assert.Equal(PointComparison.Unchanged, Only(ResultsComparer.Compare(a, "a", b, "b")).State);
        Assert.Equal(PointComparison.Changed, Only(ResultsComparer.Compare(a, "a", b, "b", thresholdPercent: 1)).State);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(Decider.MinimumRounds - 1)]
    public void Fewer_than_the_minimum_rounds_on_a_side_is_not_decided_and_never_flagged(int samples)
    {
        ResultsDocument a = Document(Point("p", [.. Enumerable.Repeat(10.0, samples)]));
        ResultsDocument b = Document(Point("p", 20, 20.1, 19.9, 20, 20, 20));

        ResultsComparison comparison = ResultsComparer.Compare(a, "a", b, "b");
        PointComparison point = Only(comparison);
        Assert.Equal(PointComparison.NotDecided, point.State);
        Assert.Equal((null, null), (point.CiLower, point.CiUpper));
        Assert.Null(point.A.CiLower);
        Assert.NotNull(point.B.CiLower);
        Assert.Equal((0, 0), (comparison.Compared, comparison.Changed));
    }

    [Fact]
    public void Five_samples_a_side_is_not_decided_and_says_why()
    {
        // Min to max of five values covers the median 93.75% of the time: no 95% interval, however far apart the sides.
        ResultsDocument a = Document(Point("p", 10, 10.2, 9.9, 10.1, 10));
        ResultsDocument b = Document(Point("p", 20, 20.1, 19.9, 20, 20));

        ResultsComparison comparison = ResultsComparer.Compare(a, "a", b, "b");
        PointComparison point = Only(comparison);
        Assert.Equal(6, Decider.MinimumRounds);
        Assert.Equal((PointComparison.NotDecided, false, false), (point.State, point.Flagged, point.Judged));
        Assert.Equal("5 sample(s) on A and 5 on B: an interval needs at least 6 a side, so no difference is flagged", point.Why);
        Assert.Equal(2, point.Ratio!.Value, 2);
        Assert.Equal((null, null, null, null), (point.A.CiLower, point.A.CiUpper, point.B.CiLower, point.B.CiUpper));
        Assert.Equal((0, 0, 0, 0, 0), (comparison.Compared, comparison.Changed, comparison.MachineStateDiffered, comparison.WithinNoise, comparison.Unchanged));
    }

    [Fact]
    public void Each_side_rests_on_its_clean_samples_when_at_least_half_are_clean()
    {
        // A's six preempted samples (50 to 60) would pull its median up past B's; the clean six say 10.
        double[] clean = [10, 10.1, 9.9, 10, 10.1, 9.9];
        double[] preempted = [50, 60, 55, 52, 58, 54];
        SampleRecord[] samplesA =
        [
            .. clean.Select((v, i) => SampleDocuments.Sample(2 * i, v)),
            .. preempted.Select((v, i) => SampleDocuments.Sample((2 * i) + 1, v, "Preempted")),
        ];
        ResultsDocument a = Document(PointWith("p", samplesA));
        ResultsDocument b = Document(Point("p", 20, 20.1, 19.9, 20, 20, 20));

        PointComparison point = Only(ResultsComparer.Compare(a, "a", b, "b"));
        Assert.Equal((12, 6, 6, Statistics.CleanBasis), (point.A.N, point.A.Clean, point.A.Used, point.A.Basis));
        Assert.Equal(10, point.A.Median);
        Assert.Equal(PointComparison.Changed, point.State);
        Assert.StartsWith("B higher: ", point.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_and_settings_that_differ_are_listed_not_compared()
    {
        ExperimentResult a = Experiment("swap", Point("workers=1", 1, 1, 1), Point("workers=2", 2, 2, 2)) with
        {
            Parameters = new Dictionary<string, string> { ["workers"] = "1,2", ["samples"] = "3" },
        };
        ExperimentResult b = Experiment("swap", Point("workers=1", 1, 1, 1), Point("workers=16", 9, 9, 9)) with
        {
            Parameters = new Dictionary<string, string> { ["workers"] = "1,16", ["samples"] = "3" },
        };

        ExperimentComparison experiment = Assert.Single(ResultsComparer.Compare(SampleDocuments.Document(a), "a", SampleDocuments.Document(b), "b").Experiments);
        Assert.Equal("workers=1", Assert.Single(experiment.Points).Id);
        Assert.Equal(["workers=2"], experiment.OnlyInA);
        Assert.Equal(["workers=16"], experiment.OnlyInB);
        Assert.Equal(["workers: 1,2 / 1,16"], experiment.ParameterDifferences);
    }

    [Fact]
    public void Experiments_on_one_side_only_are_named()
    {
        ResultsDocument a = SampleDocuments.Document(Experiment("c2c", Point("p", 1, 1, 1)), Experiment("locks", Point("p", 1, 1, 1)));
        ResultsDocument b = SampleDocuments.Document(Experiment("locks", Point("p", 1, 1, 1)), Experiment("swap", Point("p", 1, 1, 1)));

        ResultsComparison comparison = ResultsComparer.Compare(a, "a", b, "b");
        Assert.Equal(["locks"], comparison.Experiments.Select(e => e.Name));
        Assert.Equal(["c2c"], comparison.ExperimentsOnlyInA);
        Assert.Equal(["swap"], comparison.ExperimentsOnlyInB);
    }

    [Fact]
    public void Results_of_different_experiments_cannot_be_compared()
    {
        ResultsDocument a = SampleDocuments.Document(Experiment("c2c", Point("p", 1, 1, 1)));
        ResultsDocument b = SampleDocuments.Document(Experiment("reserve", Point("p", 1, 1, 1)));

        var e = Assert.Throws<ComparisonException>(() => ResultsComparer.Compare(a, "one", b, "two"));
        Assert.Contains("share no experiment", e.Message, StringComparison.Ordinal);
        Assert.Contains("c2c against reserve", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Common_experiments_without_a_point_cannot_be_compared()
    {
        ResultsDocument a = SampleDocuments.Document(SampleDocuments.Experiment("swap", ExperimentStatus.Failed) with { Points = [] });
        ResultsDocument b = SampleDocuments.Document(Experiment("swap", Point("p", 1, 1, 1)));

        Assert.Throws<ComparisonException>(() => ResultsComparer.Compare(a, "a", b, "b"));
    }

    [Fact]
    public void A_verdict_whose_outcome_changed_is_reported_by_topic()
    {
        ExperimentResult a = Experiment("falseshare", Point("p", 1, 1, 1)) with
        {
            Verdicts = [new Verdict("False sharing costs.", "3x", VerdictOutcome.Confirmed, "why") { Topic = Topics.SeedFalseSharing }],
        };
        ExperimentResult b = a with
        {
            Verdicts = [new Verdict("False sharing costs.", "1x", VerdictOutcome.Refuted, "why") { Topic = Topics.SeedFalseSharing }],
        };

        VerdictChange change = Assert.Single(Assert.Single(ResultsComparer.Compare(SampleDocuments.Document(a), "a", SampleDocuments.Document(b), "b").Experiments).VerdictChanges);
        Assert.Equal((Topics.SeedFalseSharing, VerdictOutcome.Confirmed, VerdictOutcome.Refuted), (change.Key, change.A, change.B));
        // Verdicts not decided by an interval (as in version-1 results) carry no figures to show.
        Assert.Equal((null, null), (change.DecidedA, change.DecidedB));
    }

    [Fact]
    public void A_changed_verdict_decided_on_both_sides_carries_both_figures()
    {
        DecisionRule rule = DecisionRule.Above("ns at 8 bytes over 128 bytes, per round", 1.10);
        Verdict Decided(params double[] ratios) => Verdict.Decided(
            "False sharing costs.", "penalty", Decider.Decide(rule, [.. ratios.Select((r, i) => new RoundValue(i, r, null))])) with { Topic = Topics.SeedFalseSharing };
        ExperimentResult a = Experiment("falseshare", Point("p", 1, 1, 1)) with { Verdicts = [Decided(3.1, 3.0, 3.2, 3.1, 2.9, 3.1)] };
        ExperimentResult b = a with { Verdicts = [Decided(1.0, 1.02, 0.98, 1.01, 0.99, 1.0)] };

        VerdictChange change = Assert.Single(Assert.Single(ResultsComparer.Compare(SampleDocuments.Document(a), "a", SampleDocuments.Document(b), "b").Experiments).VerdictChanges);
        Assert.Equal((VerdictOutcome.Confirmed, VerdictOutcome.Refuted), (change.A, change.B));
        Assert.Equal((3.1, "above 1.10", 6), (change.DecidedA!.Figure, change.DecidedA.Rule, change.DecidedA.SamplesUsed));
        Assert.True(change.DecidedA.CiLower > 1.10);
        Assert.Equal(1.0, change.DecidedB!.Figure);
        Assert.True(change.DecidedB.CiUpper <= 1.10);
    }

    [Fact]
    public void A_ratio_beyond_the_range_of_a_number_makes_the_point_not_comparable()
    {
        ResultsDocument a = Document(Point("p", [.. Enumerable.Repeat(1e-300, Decider.MinimumRounds)]));
        ResultsDocument b = Document(Point("p", [.. Enumerable.Repeat(1e300, Decider.MinimumRounds)]));

        ResultsComparison comparison = ResultsComparer.Compare(a, "a", b, "b");
        PointComparison point = Only(comparison);
        Assert.Equal(PointComparison.NotComparable, point.State);
        Assert.Null(point.Ratio);
        Assert.Equal("B over A (1.00e300 over 1.00e-300) is beyond the range of a number", point.Why);
        Assert.Equal((0, 0), (comparison.Compared, comparison.Changed));
        // compare --json writes the comparison with options that refuse NaN and the infinities.
        Assert.DoesNotContain("Infinity", JsonSerializer.Serialize(comparison, new JsonSerializerOptions(JsonSerializerDefaults.Web)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_but_finite_difference_is_said_in_powers_of_ten()
    {
        ResultsDocument a = Document(Point("p", [.. Enumerable.Repeat(1e-10, Decider.MinimumRounds)]));
        ResultsDocument b = Document(Point("p", [.. Enumerable.Repeat(1e290, Decider.MinimumRounds)]));

        PointComparison point = Only(ResultsComparer.Compare(a, "a", b, "b"));
        Assert.Equal(PointComparison.Changed, point.State);
        Assert.Equal("B higher: B/A 1.00e300 to 1.00e300, wholly above the no-change band 0.952 to 1.050", point.Why);
        Assert.Equal("B lower: B/A 1.00e-300 to 1.00e-300, wholly below the no-change band 0.952 to 1.050", Only(ResultsComparer.Compare(b, "b", a, "a")).Why);
    }

    [Fact]
    public void A_side_whose_interval_reaches_zero_gives_no_ratio_interval()
    {
        ResultsDocument a = Document(Point("p", 0, 0, 0, 1, 0, 0));
        ResultsDocument b = Document(Point("p", 5, 5.1, 4.9, 5, 5, 5));

        PointComparison point = Only(ResultsComparer.Compare(a, "a", b, "b"));
        Assert.Equal(PointComparison.NotComparable, point.State);
        Assert.StartsWith("B over A needs A's interval above 0", point.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_threshold_is_refused()
    {
        ResultsDocument run = Document(Point("p", 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResultsComparer.Compare(run, "a", run, "b", -1));
    }

    [Fact]
    public void A_setting_on_one_side_only_shows_a_dash_for_the_other_and_a_status_that_differs_shows_both()
    {
        ExperimentResult a = Experiment("swap", Point("p", 1, 1, 1)) with { Parameters = new Dictionary<string, string> { ["order"] = "columns" } };
        ExperimentResult b = SampleDocuments.Experiment("swap", ExperimentStatus.Interrupted) with
        {
            Points = [Point("p", 1, 1, 1)],
            Verdicts = [],
            Parameters = new Dictionary<string, string> { ["spinlock"] = "ticket" },
        };

        ExperimentComparison both = Assert.Single(ResultsComparer.Compare(SampleDocuments.Document(a), "a", SampleDocuments.Document(b), "b").Experiments);
        ExperimentComparison same = Assert.Single(ResultsComparer.Compare(SampleDocuments.Document(a), "a", SampleDocuments.Document(a), "b").Experiments);

        Assert.Equal(["order: columns / -", "spinlock: - / ticket"], both.ParameterDifferences);
        Assert.Equal("completed / interrupted", both.Status);
        Assert.Equal("completed", same.Status);
        Assert.Empty(same.ParameterDifferences);
    }

    [Fact]
    public void A_side_without_experiments_is_named_as_having_none()
    {
        ResultsDocument empty = SampleDocuments.Document() with { Experiments = [] };
        ResultsDocument b = SampleDocuments.Document(Experiment("locks", Point("p", 1, 1, 1)));

        var e = Assert.Throws<ComparisonException>(() => ResultsComparer.Compare(empty, "one", b, "two"));

        Assert.Equal("one and two share no experiment (none against locks); compare results of the same experiments", e.Message);
    }

    [Fact]
    public void Common_experiments_without_a_point_are_named()
    {
        ResultsDocument a = SampleDocuments.Document(SampleDocuments.Experiment("swap", ExperimentStatus.Failed) with { Points = [] });
        ResultsDocument b = SampleDocuments.Document(Experiment("swap", Point("p", 1, 1, 1)));

        var e = Assert.Throws<ComparisonException>(() => ResultsComparer.Compare(a, "a", b, "b"));

        Assert.Equal("a and b share experiments (swap) but no measured point; was one of them skipped or failed?", e.Message);
    }

    [Fact]
    public void Common_experiments_of_which_one_has_points_are_compared_on_those()
    {
        ExperimentResult empty = SampleDocuments.Experiment("swap", ExperimentStatus.Failed) with { Points = [] };
        ResultsDocument a = SampleDocuments.Document(Experiment("locks", Point("p", 1, 1, 1, 1, 1, 1)), empty);
        ResultsDocument b = SampleDocuments.Document(Experiment("locks", Point("p", 1, 1, 1, 1, 1, 1)), empty);

        ResultsComparison comparison = ResultsComparer.Compare(a, "a", b, "b");

        Assert.Equal(["locks", "swap"], comparison.Experiments.Select(e => e.Name));
        Assert.Equal(1, comparison.Compared);
    }

    [Fact]
    public void Every_experiment_of_each_side_is_named_when_none_is_shared_or_none_has_a_point()
    {
        ResultsDocument a = SampleDocuments.Document(Experiment("c2c", Point("p", 1, 1, 1)), Experiment("locks", Point("p", 1, 1, 1)));
        ResultsDocument b = SampleDocuments.Document(Experiment("reserve", Point("p", 1, 1, 1)), Experiment("swap", Point("p", 1, 1, 1)));
        Assert.Equal(
            "a and b share no experiment (c2c, locks against reserve, swap); compare results of the same experiments",
            Assert.Throws<ComparisonException>(() => ResultsComparer.Compare(a, "a", b, "b")).Message);

        ResultsDocument failed = SampleDocuments.Document(
            SampleDocuments.Experiment("locks", ExperimentStatus.Failed) with { Points = [] },
            SampleDocuments.Experiment("swap", ExperimentStatus.Failed) with { Points = [] });
        Assert.Equal(
            "failed and again share experiments (locks, swap) but no measured point; was one of them skipped or failed?",
            Assert.Throws<ComparisonException>(() => ResultsComparer.Compare(failed, "failed", failed, "again")).Message);
    }
}
