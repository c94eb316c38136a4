using HwLab.Lab.Decisions;

namespace HwLab.Lab.Results;

/// <summary>A claim tested against the figures measured here, and what came of it.</summary>
/// <param name="Claim">The claim in words, with its source where it has one ("the seed patch: ...").</param>
/// <param name="Measured">The figure that decides it, with its noise.</param>
/// <param name="Why">What the outcome rests on, or why the machine cannot decide it.</param>
public sealed record Verdict(string Claim, string Measured, VerdictOutcome Outcome, string Why)
{
    /// <summary>Which claim this is, as a stable key the report groups by (<see cref="Topics"/>); null for a verdict of its own.</summary>
    public string? Topic { get; init; }

    // The decision rule and what it made of the rounds; all null for a verdict not decided by an
    // interval (info, not measurable, exact arithmetic) and in version-1 documents.

    /// <summary>The deciding figure in words (a ratio of two points per round, or one point's value).</summary>
    public string? FigureName { get; init; }

    /// <summary>The deciding figure: its median over the rounds used.</summary>
    public double? Figure { get; init; }

    /// <summary>The lower end of the figure's 95% confidence interval.</summary>
    public double? CiLower { get; init; }

    public double? CiUpper { get; init; }

    public double? Threshold { get; init; }

    /// <summary>Half-width of the equivalence band of a "within" claim; 0 for the others.</summary>
    public double? Margin { get; init; }

    /// <summary>Which side of the threshold the claim expects.</summary>
    public Direction? Direction { get; init; }

    /// <summary>Rounds the figure rests on.</summary>
    public int? SamplesUsed { get; init; }

    /// <summary>Each placement group's decision when the machine changed under the run; null otherwise.</summary>
    public IReadOnlyList<GroupDecision>? Groups { get; init; }

    /// <summary>A verdict whose outcome is <paramref name="decision"/>'s, carrying its figure, interval and rule.</summary>
    public static Verdict Decided(string claim, string measured, Decision decision, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new Verdict(claim, measured, decision.Outcome, context is null ? decision.Why : $"{decision.Why} {context}")
        {
            FigureName = decision.Rule.Figure,
            Figure = Finite(decision.Figure),
            CiLower = Finite(decision.CiLower),
            CiUpper = Finite(decision.CiUpper),
            Threshold = decision.Rule.Threshold,
            Margin = decision.Rule.Margin,
            Direction = decision.Rule.Direction,
            SamplesUsed = decision.SamplesUsed,
            Groups = decision.MachineChanged ? decision.Groups : null,
        };
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
