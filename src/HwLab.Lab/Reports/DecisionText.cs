using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Reports;

/// <summary>
/// A verdict's decision in words, the same in report.md and report.html: the deciding figure, its
/// 95% interval, the claim's threshold and the rounds used, and, when the machine changed under
/// the run, each placement group's own figures. Plain text: each report escapes it its own way.
/// </summary>
public static class DecisionText
{
    /// <summary>Decided by an interval against a threshold. Version-1 documents, and verdicts of info, not measurable or exact arithmetic, carry no threshold.</summary>
    public static bool HasRule(Verdict verdict) => verdict.Threshold is double t && double.IsFinite(t);

    /// <summary>The placement probes found more than one state of the machine, each decided on its own.</summary>
    public static bool MachineChanged(Verdict verdict) => verdict.Groups is { Count: > 0 };

    /// <summary>The rule's wording (<see cref="DecisionRule.ThresholdText"/>); a threshold with no direction, which no HwLab writes, as "threshold T".</summary>
    public static string Threshold(Verdict verdict)
    {
        double threshold = verdict.Threshold ?? throw new ArgumentException("The verdict has no threshold.", nameof(verdict));
        return DecisionRule.Of(verdict)?.ThresholdText ?? $"threshold {Numbers.Precise(threshold)}";
    }

    /// <summary>The claimed band of a "within" claim; null for the others.</summary>
    public static (double Low, double High)? Band(Verdict verdict)
        => DecisionRule.Of(verdict) is { Direction: Direction.Within } rule ? rule.Band : null;

    /// <summary>"Deciding figure: ratio = 1.0923; 95% interval 1.0512 to 1.1412; claim: above 1.10; 12 rounds used."</summary>
    public static string Sentence(Verdict verdict)
    {
        string figure = verdict.Figure is double f && double.IsFinite(f) ? $" = {Numbers.Precise(f)}" : "";
        string rounds = verdict.SamplesUsed is int n ? $"; {Rounds(n)} used" : "";
        string name = verdict.FigureName is null ? "" : $": {verdict.FigureName}";
        return $"Deciding figure{name}{figure}; {Interval(verdict.CiLower, verdict.CiUpper)}; claim: {Threshold(verdict)}{rounds}.";
    }

    /// <summary>"95% interval 1.0512 to 1.1412", or why there is none.</summary>
    public static string Interval(double? low, double? high)
        => HasInterval(low, high) ? $"95% interval {Numbers.Precise(low!.Value)} to {Numbers.Precise(high!.Value)}" : NoInterval;

    /// <summary>Both ends there and finite: an interval that can be drawn.</summary>
    public static bool HasInterval(double? low, double? high)
        => low is double l && high is double h && double.IsFinite(l) && double.IsFinite(h) && l <= h;

    // The decider leaves an end out only when too few rounds gave the figure to have an interval.
    public const string NoInterval = "no 95% interval (too few rounds for one)";

    /// <summary>The callout's lead: the machine changed, so each state was decided on its own.</summary>
    public static string MachineChangedLead(Verdict verdict)
    {
        int states = verdict.Groups?.Count ?? 0;
        return $"The machine changed under the run: the placement probe found {states} states of the machine (which cores the host gave the vCPUs), and each was decided on its own against {Threshold(verdict)}.";
    }

    /// <summary>"placement ~25 ns: 1.0923, 95% interval 1.0512 to 1.1412, 12 rounds, confirmed".</summary>
    public static string Group(GroupDecision group)
    {
        ArgumentNullException.ThrowIfNull(group);
        string figure = double.IsFinite(group.Figure) ? $"{Numbers.Precise(group.Figure)}, " : "";
        return $"{group.Placement}: {figure}{Interval(group.CiLower, group.CiUpper)}, {Rounds(group.SamplesUsed)}, {group.Outcome.Text()}";
    }

    /// <summary>"12 rounds (minimum 5), stopped: decided".</summary>
    public static string Sampling(SamplingSummary sampling)
    {
        ArgumentNullException.ThrowIfNull(sampling);
        return $"{Rounds(sampling.Rounds)} (minimum {sampling.MinRounds}), stopped: {sampling.StopReason}";
    }

    public static string Rounds(int count) => count == 1 ? "1 round" : $"{count} rounds";
}
