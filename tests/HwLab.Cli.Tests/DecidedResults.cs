using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Cli.Tests;

/// <summary>
/// The captured quick suite as schema 2 would carry it: its falseshare verdicts decided by
/// intervals (one of them per placement group, as when the host moved the vCPUs), and its
/// sampling summary. For the report's checks, which need a decision to draw.
/// </summary>
internal static class DecidedResults
{
    public static ResultsDocument Document()
    {
        ResultsDocument captured = ResultsFixtures.Captured();
        ExperimentResult falseshare = captured.Experiment("falseshare")!;
        Verdict[] verdicts = [.. falseshare.Verdicts.Select((v, i) => i switch
        {
            0 => Decided(v, 1.42, 1.31, 1.55, DecisionRule.Above("penalty of 8 bytes apart over 128, per round (native)", 1.10)),
            1 => Decided(v, 1.02, 0.97, 1.06, DecisionRule.Above("penalty of 8 bytes apart over 128, per round (managed)", 1.10)) with
            {
                Groups =
                [
                    new GroupDecision("placement ~25 ns", 25, VerdictOutcome.Refuted, 1.01, 0.97, 1.04, 9),
                    new GroupDecision("placement ~80 ns", 80, VerdictOutcome.Inconclusive, 1.08, 1.02, 1.16, 6),
                    new GroupDecision("placement ~140 ns", 140, VerdictOutcome.Inconclusive, 1.2, null, null, 2),
                ],
            },
            _ => Decided(v, 1.01, 0.99, 1.03, DecisionRule.Within("64-byte padding over 128-byte, per round", 1, 0.05)),
        })];
        ExperimentResult decided = falseshare with { Verdicts = verdicts, Sampling = new SamplingSummary(5, 17, SamplingSummary.NotNarrowing, 60, 41.5) };
        return captured with
        {
            Schema = ResultsDocument.CurrentSchema,
            Experiments = [.. captured.Experiments.Select(e => e.Name == decided.Name ? decided : e)],
        };
    }

    /// <summary>Writes <see cref="Document"/> under <paramref name="temp"/> and runs <c>hwlab report</c> on it; returns the directory holding both reports.</summary>
    public static string Reported(TempDirectory temp)
    {
        string dir = ResultsFixtures.WriteDirectory(temp, "run", Document());
        CliRun run = CliRun.InProcess("report", dir);
        Assert.True(run.ExitCode == 0, run.Error);
        return dir;
    }

    private static Verdict Decided(Verdict verdict, double figure, double low, double high, DecisionRule rule) => verdict with
    {
        FigureName = rule.Figure,
        Figure = figure,
        CiLower = low,
        CiUpper = high,
        Threshold = rule.Threshold,
        Margin = rule.Margin,
        Direction = rule.Direction,
        SamplesUsed = 17,
    };
}
