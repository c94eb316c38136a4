using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Results;

/// <summary>Schema-2 documents whose verdicts carry a known decision: figure, interval, rule, rounds, and placement groups where asked.</summary>
internal static class DecidedDocuments
{
    public const string FigureName = "penalty of 8 bytes apart over 128, per round";

    /// <summary>A claim that the penalty is above 1.10, decided on an interval from <paramref name="low"/> to <paramref name="high"/>.</summary>
    public static Verdict Above(VerdictOutcome outcome, double? low, double? high, double figure = 1.2, string topic = Topics.SeedFalseSharing) =>
        new("The penalty is above 1.10x.", "1.2x", outcome, "the interval decides it")
        {
            Topic = topic,
            FigureName = FigureName,
            Figure = figure,
            CiLower = low,
            CiUpper = high,
            Threshold = 1.10,
            Margin = 0,
            Direction = Direction.Above,
            SamplesUsed = 12,
        };

    /// <summary>A "no effect" claim: the figure within 0.05 of 1.</summary>
    public static Verdict Within(VerdictOutcome outcome, double low, double high) => Above(outcome, low, high, (low + high) / 2) with
    {
        Threshold = 1.0,
        Margin = 0.05,
        Direction = Direction.Within,
    };

    /// <summary>A verdict decided per placement group: the machine changed under the run.</summary>
    public static Verdict Grouped(params GroupDecision[] groups) => Above(VerdictOutcome.Inconclusive, 1.05, 1.30) with { Groups = groups };

    public static SamplingSummary Sampling { get; } = new(5, 12, SamplingSummary.Decided, 60, 14.5);

    /// <summary>One falseshare experiment holding <paramref name="verdicts"/>, sampled in rounds.</summary>
    public static ResultsDocument With(params Verdict[] verdicts)
        => SampleDocuments.Document(SampleDocuments.Experiment() with { Verdicts = verdicts, Sampling = Sampling });
}
