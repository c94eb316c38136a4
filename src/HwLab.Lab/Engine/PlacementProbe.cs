using HwLab.Lab.Decisions;
using HwLab.Lab.Workloads;

namespace HwLab.Lab.Engine;

/// <summary>
/// Where the host has put the workers' CPUs, measured before each round: a few hundred round trips
/// of one cache line between pairs of them (the native compare-and-swap ping-pong of the c2c
/// experiment). On one placement the figure holds within tens of percent; when a hypervisor moves
/// vCPUs between cores, sockets or SMT siblings it jumps several-fold, and
/// <see cref="PlacementGroups"/> turns those jumps into machine states.
/// </summary>
internal sealed class PlacementProbe : IDisposable
{
    /// <summary>Round trips per pair: enough to amortise the team's start, short enough to cost well under a millisecond of line traffic.</summary>
    public const int RoundTrips = 300;

    /// <summary>Pairs probed at most: the first CPU against up to this many others spread over the list, so a 512-CPU run costs what an 8-CPU one does.</summary>
    public const int MaxPairs = 4;

    private readonly PingPongWorkload _workload = new(native: true);
    private readonly IReadOnlyList<(int A, int B)> _pairs;

    private PlacementProbe(IReadOnlyList<(int A, int B)> pairs) => _pairs = pairs;

    /// <summary>A probe over <paramref name="cpus"/>; null when fewer than two distinct CPUs leave nothing to probe.</summary>
    public static PlacementProbe? For(IEnumerable<int> cpus)
    {
        IReadOnlyList<(int A, int B)> pairs = PairsOf([.. cpus.Distinct()]);
        return pairs.Count == 0 ? null : new PlacementProbe(pairs);
    }

    /// <summary>The first CPU with up to <see cref="MaxPairs"/> others, evenly spaced through the list (the last one always among them).</summary>
    public static IReadOnlyList<(int A, int B)> PairsOf(IReadOnlyList<int> cpus)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        int others = cpus.Count - 1;
        if (others < 1)
        {
            return [];
        }
        int pairs = Math.Min(MaxPairs, others);
        return [.. Enumerable.Range(1, pairs).Select(k => (cpus[0], cpus[(int)((long)k * others / pairs)])).Distinct()];
    }

    /// <summary>Mean ns per round trip over the pairs.</summary>
    public double Measure(CancellationToken cancellation)
    {
        double total = 0;
        foreach ((int a, int b) in _pairs)
        {
            TeamRun run = WorkerTeam.Run([a, b], _workload, RunLimit.ForOperations(RoundTrips, batch: RoundTrips), cancellation);
            total += run.Workers[0].NanosecondsPerOperation;
        }
        return total / _pairs.Count;
    }

    public void Dispose() => _workload.Dispose();
}
