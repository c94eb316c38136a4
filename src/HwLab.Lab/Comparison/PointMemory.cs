using System.Globalization;
using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Comparison;

/// <summary>
/// Whether the two sides of one point met memory at different speeds: the memory probes behind
/// the point's figure (ns per page swapped out and in, taken just before each sample) compared as the point
/// itself is, B/A's interval against the no-change band. Memory speed moves without the placement
/// changing (a neighbour on the host taking bandwidth), and page-copying figures move with it.
/// </summary>
/// <param name="A">Side A's median probe, ns per page; null without probes.</param>
/// <param name="B">Side B's.</param>
/// <param name="Differs">B/A's interval lies wholly outside the no-change band.</param>
public sealed record PointMemory(double? A, double? B, bool Differs)
{
    /// <summary>No probe on a side: nothing is said about memory.</summary>
    public static PointMemory None { get; } = new(null, null, false);

    public static PointMemory Of(IReadOnlyList<double> probesA, IReadOnlyList<double> probesB, NoChangeBand band)
    {
        ArgumentNullException.ThrowIfNull(probesA);
        ArgumentNullException.ThrowIfNull(probesB);
        if (probesA.Count == 0 || probesB.Count == 0)
        {
            return None;
        }
        (double medianA, double lowA, double highA) = MedianInterval.Of(probesA);
        (double medianB, double lowB, double highB) = MedianInterval.Of(probesB);
        bool decided = lowA > 0 && double.IsFinite(highA) && double.IsFinite(lowB) && double.IsFinite(highB);
        bool differs = decided && (lowB / highA > band.High || highB / lowA < band.Low);
        return new PointMemory(medianA, medianB, differs);
    }

    /// <summary>"memory copy 310 ns per page on A, 620 on B".</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"memory copy {A:0} ns per page on A, {B:0} on B");
}
