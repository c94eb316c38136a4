using HwLab.Lab.Results;

namespace HwLab.Lab.Decisions;

/// <summary>
/// What a claim's rule made of the rounds: the outcome, the deciding figure (median over rounds)
/// with its 95% confidence interval, how many rounds it rests on, and, when the machine changed
/// under the run, each placement group's own decision.
/// </summary>
/// <param name="Outcome">Confirmed, refuted or inconclusive.</param>
/// <param name="CiLower">The interval's lower end (NaN when too few rounds to have one).</param>
/// <param name="Why">What the outcome rests on; for an inconclusive one, what would decide it.</param>
/// <param name="Groups">One entry per placement group when the probes found more than one; empty otherwise.</param>
public sealed record Decision(
    VerdictOutcome Outcome,
    DecisionRule Rule,
    double Figure,
    double CiLower,
    double CiUpper,
    int SamplesUsed,
    string Why,
    IReadOnlyList<GroupDecision> Groups)
{
    /// <summary>The placement probes found more than one state of the machine during the run.</summary>
    public bool MachineChanged => Groups.Count > 1;

    /// <summary>Width of the interval relative to the figure: how far from deciding it is.</summary>
    public double RelativeWidth => Figure == 0 || !double.IsFinite(CiUpper - CiLower) ? double.PositiveInfinity : (CiUpper - CiLower) / Math.Abs(Figure);
}

/// <summary>One placement group's own decision on a claim; no interval when too few rounds fell in it.</summary>
public sealed record GroupDecision(string Placement, double PlacementNs, VerdictOutcome Outcome, double Figure, double? CiLower, double? CiUpper, int SamplesUsed);
