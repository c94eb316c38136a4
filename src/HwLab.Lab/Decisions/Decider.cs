using System.Globalization;
using HwLab.Lab.Results;
using Perfolizer.Mathematics.Distributions.DiscreteDistributions;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace HwLab.Lab.Decisions;

/// <summary>
/// Decides a claim from its figure's rounds: the median over rounds, and its 95% confidence
/// interval, placed against the rule's threshold. The interval is the distribution-free one of
/// order statistics: the k-th smallest to the k-th largest round, k the largest for which a
/// binomial(n, 1/2) tail leaves at least 95% coverage (Perfolizer's BinomialDistribution). It needs
/// no assumption about the rounds' distribution, which on a shared machine has outliers and
/// steps, and it never leaves the range measured; the Harrell-Davis interval with the Maritz-Jarrett
/// error, tried first, gave -3.7 to 5.8 for eight ratios near 0.95 with one outlier.
/// When the placement probes split the rounds into machine states, each state is decided on its
/// own and the claim is decided only if every state with enough rounds agrees.
/// </summary>
public static class Decider
{
    /// <summary>Below 6 rounds no order-statistic interval reaches 95% (5 rounds: min to max covers 93.75%): the claim stays inconclusive.</summary>
    public const int MinimumRounds = 6;

    private static readonly Probability s_half = Probability.Half;

    public static Decision Decide(DecisionRule rule, IReadOnlyList<RoundValue> rounds)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(rounds);
        rule.Validate();
        RoundValue[] finite = [.. rounds.Where(r => double.IsFinite(r.Value))];
        (double figure, double low, double high) = Interval(finite.Select(r => r.Value).ToArray());
        if (finite.Length < MinimumRounds)
        {
            return new Decision(Verdict.Inconclusive, rule, figure, low, high, finite.Length,
                $"Only {finite.Length} round(s) gave the figure; deciding needs at least {MinimumRounds}: more samples (--samples) would.", []);
        }

        IReadOnlyList<PlacementGroup> groups = PlacementGroups.Split(finite.Where(r => r.PlacementNs is not null).Select(r => r.PlacementNs!.Value));
        if (groups.Count <= 1)
        {
            string outcome = rule.Decide(low, high);
            return new Decision(outcome, rule, figure, low, high, finite.Length, Explain(rule, outcome, low, high), []);
        }

        List<GroupDecision> perGroup = [.. groups.Select(g => DecideGroup(rule, g, finite))];
        GroupDecision[] deciding = [.. perGroup.Where(g => g.SamplesUsed >= MinimumRounds)];
        string[] outcomes = [.. deciding.Select(g => g.Outcome).Distinct()];
        string overall = deciding.Length > 0 && outcomes.Length == 1 ? outcomes[0] : Verdict.Inconclusive;
        // The interval reported is the hull of the deciding groups' intervals: consistent with the
        // outcome, since every group's interval lies on the side decided.
        double hullLow = deciding.Length > 0 ? deciding.Min(g => g.CiLower!.Value) : low;
        double hullHigh = deciding.Length > 0 ? deciding.Max(g => g.CiUpper!.Value) : high;
        return new Decision(overall, rule, figure, hullLow, hullHigh, finite.Length, ExplainGroups(rule, overall, perGroup), perGroup);
    }

    /// <summary>The median of <paramref name="values"/> and its 95% interval; NaN ends below <see cref="MinimumRounds"/> values.</summary>
    public static (double Median, double Low, double High) Interval(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }
        var sample = new Sample([.. values]);
        double median = SimpleQuantileEstimator.Instance.Median(sample).NominalValue;
        if (values.Count < MinimumRounds)
        {
            return (median, double.NaN, double.NaN);
        }
        double[] sorted = [.. values.Order()];
        int k = OrderStatistic(sorted.Length);
        return (median, sorted[k - 1], sorted[^k]);
    }

    // The largest k (1-based) with P(Binomial(n, 1/2) <= k - 1) <= 2.5%: [x(k), x(n - k + 1)] then
    // covers the median with probability at least 95%.
    private static int OrderStatistic(int n)
    {
        var binomial = new BinomialDistribution(n, s_half);
        int k = 1;
        while (k < n / 2 && binomial.Cdf(k) <= 0.025)
        {
            k++;
        }
        return k;
    }

    private static GroupDecision DecideGroup(DecisionRule rule, PlacementGroup group, IReadOnlyList<RoundValue> rounds)
    {
        double[] values = [.. rounds.Where(r => r.PlacementNs is double ns && group.Contains(ns)).Select(r => r.Value)];
        (double figure, double low, double high) = Interval(values);
        string outcome = values.Length >= MinimumRounds ? rule.Decide(low, high) : Verdict.Inconclusive;
        return new GroupDecision(group.Label, group.Median, outcome, figure, double.IsFinite(low) ? low : null, double.IsFinite(high) ? high : null, values.Length);
    }

    private static string Explain(DecisionRule rule, string outcome, double low, double high) => outcome switch
    {
        Verdict.Confirmed => $"The whole 95% interval {Range(low, high)} lies on the claimed side: {rule.ThresholdText}.",
        Verdict.Refuted when rule.Direction == Direction.Within => $"The whole 95% interval {Range(low, high)} lies outside the claimed band, {rule.ThresholdText}.",
        Verdict.Refuted => $"The whole 95% interval {Range(low, high)} lies on the other side of the claim, {rule.ThresholdText}.",
        _ => $"The 95% interval {Range(low, high)} straddles the claim's {rule.ThresholdText}: this run does not decide it; more samples (--samples), or a quieter or bare machine, would.",
    };

    private static string ExplainGroups(DecisionRule rule, string overall, IReadOnlyList<GroupDecision> groups)
    {
        string each = string.Join("; ", groups.Select(g => g.SamplesUsed >= MinimumRounds
            ? string.Create(CultureInfo.InvariantCulture, $"{g.Placement}: {g.SamplesUsed} rounds, {g.Figure:0.00##} ({Range(g.CiLower!.Value, g.CiUpper!.Value)}), {g.Outcome}")
            : string.Create(CultureInfo.InvariantCulture, $"{g.Placement}: {g.SamplesUsed} round(s), too few to decide")));
        string head = $"The machine changed under the run: the placement probe found {groups.Count} states, decided one by one against {rule.ThresholdText} ({each}).";
        return overall == Verdict.Inconclusive
            ? $"{head} They do not agree, or too few rounds fell in one: a bare machine, or vCPUs pinned by the host, would decide it."
            : $"{head} Every state with enough rounds agrees.";
    }

    private static string Range(double low, double high)
        => string.Create(CultureInfo.InvariantCulture, $"{low:0.00##} to {high:0.00##}");
}
