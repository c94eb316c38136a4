using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;

namespace HwLab.Cli.Tests;

/// <summary>
/// `hwlab report` and `hwlab compare` on a results.json that parses but breaks the schema: the
/// captured quick-suite results with one field removed, nulled, retyped or out of range. Each is
/// refused with exit code 2 and one line naming the field, and nothing is written. Figures
/// that are extreme but valid are not refused, and are printed short.
/// </summary>
public sealed class CorruptResultsTests
{
    // A field edit on the captured results (null: remove it; else the JSON it becomes) and the
    // message that follows "hwlab: SOURCE: ". experiments[1] is falseshare, experiments[5] reserve.
    public static TheoryData<string, string?, string> Corruptions { get; } = new()
    {
        { "experiments", null, "experiments: missing" },
        { "experiments", "null", "experiments: null" },
        { "experiments", "{}", "experiments: expected an array, found an object" },
        { "experiments[2]", "null", "experiments[2]: null" },
        { "machine", null, "machine: missing" },
        { "machine", "null", "machine: null" },
        { "machine", "\"vm\"", "machine: expected an object, found a string" },
        { "machine.host", null, "machine.host: missing" },
        { "machine.host", "null", "machine.host: null" },
        { "machine.host", "42", "machine.host: expected a string, found a number" },
        { "machine.usable", null, "machine.usable: missing" },
        { "machine.usable", "null", "machine.usable: null" },
        { "machine.usable", "[0, 1]", "machine.usable: expected a string, found an array" },
        { "machine.usable", "\"1-0\"", "machine.usable: CPU list '1-0': '1-0' ends before it starts" },
        { "experiments[1].name", null, "experiments[1].name: missing" },
        { "experiments[1].name", "null", "experiments[1].name: null" },
        { "experiments[1].name", "true", "experiments[1].name: expected a string, found a boolean" },
        { "experiments[1].status", null, "experiments[1].status: missing" },
        { "experiments[1].status", "null", "experiments[1].status: null" },
        { "experiments[1].status", "\"done\"", "experiments[1].status: unknown status 'done' (expected completed, failed, interrupted or skipped)" },
        { "experiments[1].parameters", null, "experiments[1].parameters: missing" },
        { "experiments[1].parameters", "null", "experiments[1].parameters: null" },
        { "experiments[1].parameters.samples", "5", "experiments[1].parameters.samples: expected a string, found a number" },
        { "experiments[1].notes", null, "experiments[1].notes: missing" },
        { "experiments[1].notes", "null", "experiments[1].notes: null" },
        { "experiments[1].notes", "[null]", "experiments[1].notes[0]: null" },
        { "experiments[1].points", null, "experiments[1].points: missing" },
        { "experiments[1].points", "null", "experiments[1].points: null" },
        { "experiments[1].points", "\"none\"", "experiments[1].points: expected an array, found a string" },
        { "experiments[1].points[3]", "null", "experiments[1].points[3]: null" },
        { "experiments[1].points[3].id", null, "experiments[1].points[3].id: missing" },
        { "experiments[1].points[3].id", "null", "experiments[1].points[3].id: null" },
        { "experiments[1].points[3].id", "16", "experiments[1].points[3].id: expected a string, found a number" },
        { "experiments[1].points[3].keys", null, "experiments[1].points[3].keys: missing" },
        { "experiments[1].points[3].keys", "null", "experiments[1].points[3].keys: null" },
        { "experiments[1].points[3].keys", "[\"distance=16\"]", "experiments[1].points[3].keys: expected an object, found an array" },
        { "experiments[1].points[3].stats", null, "experiments[1].points[3].stats: missing" },
        { "experiments[1].points[3].stats", "null", "experiments[1].points[3].stats: null" },
        { "experiments[1].points[3].stats", "50.3", "experiments[1].points[3].stats: expected an object, found a number" },
        { "experiments[1].points[3].stats.median", null, "experiments[1].points[3].stats.median: missing" },
        { "experiments[1].points[3].stats.median", "null", "experiments[1].points[3].stats.median: null" },
        { "experiments[1].points[3].stats.median", "\"50.3\"", "experiments[1].points[3].stats.median: expected a number, found a string" },
        { "experiments[1].points[3].stats.median", "\"NaN\"", "experiments[1].points[3].stats.median: must be finite, found \"NaN\"" },
        { "experiments[1].points[3].stats.median", "1e309", "experiments[1].points[3].stats.median: must be finite, found 1e309" },
        { "experiments[1].points[3].stats.n", null, "experiments[1].points[3].stats.n: missing" },
        { "experiments[1].points[3].stats.n", "null", "experiments[1].points[3].stats.n: null" },
        { "experiments[1].points[3].stats.n", "\"5\"", "experiments[1].points[3].stats.n: expected a whole number, found a string" },
        { "experiments[1].points[3].stats.n", "-1", "experiments[1].points[3].stats.n: -1 is negative" },
        { "experiments[1].points[3].stats.clean", "7", "experiments[1].points[3].stats: clean 7 is more than n 5" },
        { "experiments[1].points[3].samples", null, "experiments[1].points[3].samples: missing" },
        { "experiments[1].points[3].samples", "null", "experiments[1].points[3].samples: null" },
        { "experiments[1].points[3].samples", "{}", "experiments[1].points[3].samples: expected an array, found an object" },
        { "experiments[1].points[3].samples[2]", "null", "experiments[1].points[3].samples[2]: null" },
        { "experiments[1].points[3].samples[2].value", null, "experiments[1].points[3].samples[2].value: missing" },
        { "experiments[1].points[3].samples[2].value", "null", "experiments[1].points[3].samples[2].value: null" },
        { "experiments[1].points[3].samples[2].value", "\"fast\"", "experiments[1].points[3].samples[2].value: expected a number, found a string" },
        { "experiments[1].points[3].derived", null, "experiments[1].points[3].derived: missing" },
        { "experiments[1].points[3].derived", "null", "experiments[1].points[3].derived: null" },
        { "experiments[1].points[3].derived", "[4.87]", "experiments[1].points[3].derived: expected an object, found an array" },
        { "experiments[1].verdicts", null, "experiments[1].verdicts: missing" },
        { "experiments[1].verdicts", "null", "experiments[1].verdicts: null" },
        { "experiments[1].verdicts", "\"confirmed\"", "experiments[1].verdicts: expected an array, found a string" },
        { "experiments[1].verdicts[0].outcome", null, "experiments[1].verdicts[0].outcome: missing" },
        { "experiments[1].verdicts[0].outcome", "null", "experiments[1].verdicts[0].outcome: null" },
        { "experiments[1].verdicts[0].outcome", "\"maybe\"", "experiments[1].verdicts[0].outcome: unknown outcome 'maybe' (expected confirmed, refuted, inconclusive, not measurable or info)" },
        { "experiments[5].timelines", "null", "experiments[5].timelines: null" },
        { "experiments[5].timelines", "{}", "experiments[5].timelines: expected an array, found an object" },
        { "experiments[5].timelines[0].points[1].y", "\"NaN\"", "experiments[5].timelines[0].points[1].y: must be finite, found \"NaN\"" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Report_refuses_it_with_the_field_named_and_writes_nothing(string path, string? edit, string expected)
    {
        using var temp = new TempDirectory();
        string dir = WriteEdited(temp, "run", path, edit);

        AssertRefused(CliRun.InProcess("report", dir), $"{dir}: {expected}");
        Assert.Equal([Results(dir)], Directory.GetFiles(dir));
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Report_leaves_earlier_reports_as_they_were(string path, string? edit, string expected)
    {
        using var temp = new TempDirectory();
        string dir = WriteEdited(temp, "run", path, edit);
        File.WriteAllText(Path.Combine(dir, "report.md"), "# An earlier report\n");
        File.WriteAllText(Path.Combine(dir, "report.html"), "<!DOCTYPE html><p>An earlier report</p>\n");

        AssertRefused(CliRun.InProcess("report", Results(dir)), $"{Results(dir)}: {expected}");
        Assert.Equal("# An earlier report\n", File.ReadAllText(Path.Combine(dir, "report.md")));
        Assert.Equal("<!DOCTYPE html><p>An earlier report</p>\n", File.ReadAllText(Path.Combine(dir, "report.html")));
        Assert.Equal(3, Directory.GetFiles(dir).Length);
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Compare_refuses_it_on_either_side_as_text_and_as_json(string path, string? edit, string expected)
    {
        using var temp = new TempDirectory();
        string corrupt = WriteEdited(temp, "corrupt", path, edit);
        string good = WriteCaptured(temp, "good");

        AssertRefused(CliRun.InProcess("compare", corrupt, good), $"{corrupt}: {expected}");
        AssertRefused(CliRun.InProcess("compare", good, corrupt, "--json"), $"{corrupt}: {expected}");
    }

    [Fact]
    public void Every_corruption_starts_from_results_that_are_read_as_they_are()
    {
        using var temp = new TempDirectory();
        string dir = WriteCaptured(temp, "run");

        CliRun run = CliRun.InProcess("report", dir);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(Path.Combine(dir, "report.md")));
    }

    [Fact]
    public void Extreme_but_valid_figures_are_compared_not_refused_and_printed_short()
    {
        using var temp = new TempDirectory();
        string tiny = ResultsFixtures.WriteDirectory(temp, "tiny", WithFirstLocksPointAt(1e-300));
        string huge = ResultsFixtures.WriteDirectory(temp, "huge", WithFirstLocksPointAt(1e300));
        string good = ResultsFixtures.WriteDirectory(temp, "good", RepeatedRounds.Of(ResultsFixtures.Captured()));

        CliRun beyond = CliRun.InProcess("compare", tiny, huge);
        Assert.True(beyond.ExitCode == 0, beyond.Error);
        Assert.Contains("not comparable", beyond.Output, StringComparison.Ordinal);
        CliRun far = CliRun.InProcess("compare", good, huge, "--json");
        Assert.True(far.ExitCode == 0, far.Error);
        CliRun farText = CliRun.InProcess("compare", good, huge);
        Assert.Contains("e298", farText.Output, StringComparison.Ordinal);
        foreach (string output in new[] { beyond.Output, far.Output, farText.Output })
        {
            Assert.DoesNotContain("Infinity", output, StringComparison.Ordinal);
            Assert.DoesNotContain("NaN", output, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\d[\d,]{30,}", output);
        }
    }

    [Fact]
    public void A_path_holding_a_line_break_still_gives_one_line()
    {
        using var temp = new TempDirectory();
        string dir = WriteEdited(temp, "two\nlines", "experiments[1].points[3].stats.median", null);

        AssertRefused(CliRun.InProcess("report", dir), $"{dir.Replace('\n', ' ')}: experiments[1].points[3].stats.median: missing");
        string nowhere = temp.File("no\nwhere");
        AssertRefused(CliRun.InProcess("compare", dir, nowhere), $"{dir.Replace('\n', ' ')}: experiments[1].points[3].stats.median: missing");
        AssertRefused(CliRun.InProcess("report", nowhere), $"{nowhere.Replace('\n', ' ')}: no such file or directory");
    }

    // The captured results over ten rounds (five decide nothing) with every sample of the first locks
    // point at the figure given, and its statistics saying so: ten clean samples, no spread. Compare
    // reads the samples, so an edit of the statistics alone would not reach it.
    private static ResultsDocument WithFirstLocksPointAt(double figure)
    {
        ResultsDocument captured = RepeatedRounds.Of(ResultsFixtures.Captured());
        ExperimentResult locks = captured.Experiment("locks")!;
        PointResult first = locks.Points[0];
        PointResult edited = first with
        {
            Samples = [.. first.Samples.Select(s => s with { Value = figure })],
            Stats = new Statistics(first.Samples.Count, first.Samples.Count, Statistics.CleanBasis, figure, figure, figure, figure, 0, 0, figure, figure),
        };
        return captured with { Experiments = [.. captured.Experiments.Select(e => e.Name == "locks" ? locks with { Points = [edited, .. locks.Points.Skip(1)] } : e)] };
    }

    private static string WriteEdited(TempDirectory temp, string name, string path, string? edit)
        => WriteResults(temp, name, ResultsFixtures.CapturedWithEdit(path, edit));

    private static string WriteCaptured(TempDirectory temp, string name) => WriteResults(temp, name, File.ReadAllText(ResultsFixtures.CapturedPath));

    private static string WriteResults(TempDirectory temp, string name, string json)
    {
        string dir = temp.File(name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Results(dir), json);
        return dir;
    }

    private static string Results(string dir) => Path.Combine(dir, "results.json");

    private static void AssertRefused(CliRun run, string message)
    {
        run.AssertUsageError(message);
        Assert.Equal($"hwlab: {message}\n", run.Error.ReplaceLineEndings("\n"));
    }
}
