using System.Globalization;
using HwLab.Lab.Decisions;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;

namespace HwLab.Lab.Comparison;

/// <summary>
/// Decides one point from the two sides' samples: each side's median with its 95% interval
/// (<see cref="MedianInterval"/>), B/A's interval from those, end against end, and where that
/// interval lies against the no-change band.
/// </summary>
/// <remarks>
/// B/A's interval runs from B's low over A's high to B's high over A's low: it holds the true ratio
/// whenever both sides' intervals hold their medians, and its width adds the two sides' widths
/// where independent errors would add in quadrature, so it is at least as wide as a 95% interval
/// of the ratio would be (as wide when one side has no noise): conservative, never flagging on
/// less evidence than each side's own interval gives.
/// </remarks>
public static class PointComparer
{
    public static PointComparison Compare(PointResult a, PointResult b, NoChangeBand band, PointPlacement placement, PointMemory? memory = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(placement);
        memory ??= PointMemory.None;
        SideFigures sideA = SideFigures.From(a, placement.A) with { MemoryNsPerPage = memory.A };
        SideFigures sideB = SideFigures.From(b, placement.B) with { MemoryNsPerPage = memory.B };
        double? ratio = Quotient(sideB.Median, sideA.Median);
        PointComparison Result(string state, string why, double? low = null, double? high = null)
            => new(a.Id, a.Metric, a.Unit, sideA, sideB, ratio, low, high, state, why);

        if (a.Unit != b.Unit)
        {
            return Result(PointComparison.NotComparable, $"units differ: {a.Unit} against {b.Unit}");
        }
        if (sideA.CiLower is null || sideA.CiUpper is null || sideB.CiLower is null || sideB.CiUpper is null)
        {
            return Result(PointComparison.NotDecided,
                $"{sideA.Used} sample(s) on A and {sideB.Used} on B: an interval needs at least {Decider.MinimumRounds} a side, so no difference is flagged");
        }
        (double aLow, double aHigh, double bLow, double bHigh) = (sideA.CiLower.Value, sideA.CiUpper.Value, sideB.CiLower.Value, sideB.CiUpper.Value);
        if (!(aLow > 0) || bLow < 0)
        {
            return Result(PointComparison.NotComparable,
                $"B over A needs A's interval above 0 and B's at 0 or more (A {Numbers.Format(aLow)} to {Numbers.Format(aHigh)}, B {Numbers.Format(bLow)} to {Numbers.Format(bHigh)})");
        }
        double low = bLow / aHigh;
        double high = bHigh / aLow;
        if (ratio is null || !double.IsFinite(high))
        {
            return Result(PointComparison.NotComparable,
                $"B over A ({Numbers.Format(sideB.Median!.Value)} over {Numbers.Format(sideA.Median!.Value)}) is beyond the range of a number");
        }

        string interval = $"B/A {RatioText.Interval(low, high)}";
        if (low > band.High || high < band.Low)
        {
            string side = low > band.High ? $"wholly above the no-change band {band}" : $"wholly below the no-change band {band}";
            (string Why, string Label)? state = placement.Differs ? ($"A ran at {placement.A} and B at {placement.B}", $"{placement.A} vs {placement.B}")
                : memory.Differs ? ($"the memory probes differ beyond the band ({memory})", string.Create(CultureInfo.InvariantCulture, $"memory {memory.A:0} vs {memory.B:0} ns per page"))
                : null;
            return state is { } differed
                ? Result(PointComparison.MachineStateDiffered,
                    $"{interval}, {side}, but {differed.Why}: the machine's state differed, so this is not put down to the code", low, high) with { MachineState = differed.Label }
                : Result(PointComparison.Changed, $"B {(low > band.High ? "higher" : "lower")}: {interval}, {side}", low, high);
        }
        return low >= band.Low && high <= band.High
            ? Result(PointComparison.Unchanged, $"{interval}, within the no-change band {band}", low, high)
            : Result(PointComparison.WithinNoise, $"{interval} straddles the no-change band {band}: these runs do not tell; more samples (--samples), or a quieter machine, would", low, high);
    }

    // B over A: none when A is 0 or missing, nor when the quotient leaves the double range (1e300 over 1e-300).
    private static double? Quotient(double? b, double? a)
        => a is double divisor && b is double dividend && divisor != 0 && double.IsFinite(dividend / divisor) ? dividend / divisor : null;
}
