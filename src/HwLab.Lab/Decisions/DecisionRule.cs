using HwLab.Lab.Reports;
using HwLab.Lab.Results;

namespace HwLab.Lab.Decisions;

/// <summary>
/// How a claim is decided, declared before anything is measured: the figure that decides it, the
/// side of the threshold the claim expects, and, where the claim is "no effect", the equivalence
/// margin. The outcome then follows from where the figure's 95% confidence interval lies.
/// </summary>
/// <param name="Figure">The deciding figure in words: "ns per pair 8 bytes apart over 128 bytes apart, per round (managed)".</param>
/// <param name="Threshold">For <see cref="Direction.Within"/>, the band's centre.</param>
/// <param name="Margin">For <see cref="Direction.Within"/>, the band's half-width, in the figure's unit; 0 otherwise.</param>
public sealed record DecisionRule(string Figure, Direction Direction, double Threshold, double Margin = 0)
{
    public static DecisionRule Above(string figure, double threshold) => new(figure, Direction.Above, threshold);

    public static DecisionRule AtMost(string figure, double threshold) => new(figure, Direction.AtMost, threshold);

    public static DecisionRule Within(string figure, double centre, double margin) => new(figure, Direction.Within, centre, margin);

    /// <summary>The band a <see cref="Direction.Within"/> claim allows: [threshold - margin, threshold + margin].</summary>
    public (double Low, double High) Band => (Threshold - Margin, Threshold + Margin);

    /// <summary>
    /// Confirmed when the whole interval lies on the claimed side; refuted only when the whole
    /// interval lies on the other side (for a "no effect" claim: wholly outside its band);
    /// inconclusive when it straddles.
    /// </summary>
    public VerdictOutcome Decide(double low, double high)
    {
        if (double.IsNaN(low) || double.IsNaN(high) || low > high)
        {
            return VerdictOutcome.Inconclusive;
        }
        return Direction switch
        {
            Direction.Above => low > Threshold ? VerdictOutcome.Confirmed : high <= Threshold ? VerdictOutcome.Refuted : VerdictOutcome.Inconclusive,
            Direction.AtMost => high <= Threshold ? VerdictOutcome.Confirmed : low > Threshold ? VerdictOutcome.Refuted : VerdictOutcome.Inconclusive,
            _ => low >= Band.Low && high <= Band.High ? VerdictOutcome.Confirmed
                : high < Band.Low || low > Band.High ? VerdictOutcome.Refuted
                : VerdictOutcome.Inconclusive,
        };
    }

    /// <summary>
    /// "above 1.10", "at most 1.10", "within 0.95 to 1.05", with the figures as the reports print
    /// them (<see cref="Numbers.Precise"/>: a threshold far from ordinary magnitudes in powers of ten).
    /// </summary>
    public string ThresholdText => Direction switch
    {
        Direction.Above => $"above {Numbers.Precise(Threshold)}",
        Direction.AtMost => $"at most {Numbers.Precise(Threshold)}",
        _ => $"within {Numbers.Precise(Band.Low)} to {Numbers.Precise(Band.High)}",
    };

    /// <summary>The rule a verdict was decided by, from the fields results.json keeps; null for a verdict decided by none (and in version-1 documents).</summary>
    public static DecisionRule? Of(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Threshold is double threshold && double.IsFinite(threshold) && verdict.Direction is Direction direction
            ? new DecisionRule(verdict.FigureName ?? "", direction, threshold, verdict.Margin is double m && double.IsFinite(m) ? m : 0)
            : null;
    }

    /// <summary>Checks the rule can decide anything: finite threshold, and a positive margin exactly when it is an equivalence claim.</summary>
    public void Validate()
    {
        if (!double.IsFinite(Threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "A threshold must be finite.");
        }
        if (Direction == Direction.Within ? !(Margin > 0) || !double.IsFinite(Margin) : Margin != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "A margin belongs to a 'within' claim, and is positive there.");
        }
    }
}
