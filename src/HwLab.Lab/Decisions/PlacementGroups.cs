using HwLab.Lab.Results;

namespace HwLab.Lab.Decisions;

/// <summary>
/// Splits placement probes into the machine states they came from. A probe is a few hundred round
/// trips of one cache line between two of the workers' CPUs; on one placement its spread is tens of
/// percent, while a move between placements changes it several-fold (on the 2-vCPU KVM guest this
/// was written on: about 25 ns against about 290 ns for the same pair). So the sorted probes are
/// cut wherever one is at least <see cref="GapFactor"/> times the one before: an empty octave
/// between two probes means two states, not noise.
/// </summary>
/// <remarks>
/// Perfolizer's LowlandModalityDetector finds the same two modes once it has about 40 values, but
/// not at 5 to 20 (a 25 ns / 290 ns half-and-half mix read as one mode at n = 20), and a run has
/// a handful of rounds; the gap rule decides on three.
/// </remarks>
public static class PlacementGroups
{
    /// <summary>The smallest jump between neighbouring sorted probes that separates two states.</summary>
    public const double GapFactor = 2.0;

    /// <summary>The groups, fastest first; one group when the probes agree, none when there are none.</summary>
    public static IReadOnlyList<PlacementGroup> Split(IEnumerable<double> probes)
    {
        ArgumentNullException.ThrowIfNull(probes);
        double[] sorted = [.. probes.Where(p => double.IsFinite(p) && p > 0).Order()];
        var groups = new List<PlacementGroup>();
        int start = 0;
        for (int i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] >= GapFactor * sorted[i - 1])
            {
                ArraySegment<double> members = new(sorted, start, i - start);
                groups.Add(new PlacementGroup(members[0], members[^1], MedianInterval.Median(members), members.Count));
                start = i;
            }
        }
        return groups;
    }
}
