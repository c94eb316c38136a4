using HwLab.Lab.Decisions;

namespace HwLab.Lab.Tests.Decisions;

/// <summary>Rounds of a deciding figure made up for a test: values spread evenly (no randomness), with or without placement probes.</summary>
internal static class SyntheticRounds
{
    /// <summary><paramref name="count"/> values evenly spread over centre ± spread, interleaved so neighbours differ.</summary>
    public static IReadOnlyList<RoundValue> Around(double centre, double spread, int count, double? placementNs = null, int firstRound = 0)
        => [.. Enumerable.Range(0, count).Select(i =>
        {
            double position = count == 1 ? 0 : ((i * 7 % count) / (double)(count - 1) * 2) - 1; // a fixed shuffle of -1..1
            return new RoundValue(firstRound + i, centre + (spread * position), placementNs);
        })];
}
