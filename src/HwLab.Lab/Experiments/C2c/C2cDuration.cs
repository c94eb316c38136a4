using System.Globalization;
using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.C2c;

/// <summary>
/// How long a c2c plan measures, worked out before it runs: every pair, both implementations, the
/// samples and the minimum warm-up, each of the round trips. Two figures: the least it can take
/// (<see cref="RunBudget.RoundTripFloorNanoseconds"/> a round trip, the floor the budget refuses
/// by), and an estimate at the one-way latencies peers report for a Xeon (kernel-facts.md,
/// core-to-core-latency: about 8 ns between SMT siblings, 44 to 51 ns within a socket, 108 to 136
/// ns across sockets; the upper ends, twice for a round trip). Rounds past the samples, taken while
/// a claim is undecided, stop at the sampling budget and are not counted.
/// </summary>
public static class C2cDuration
{
    public const int Implementations = 2;

    /// <summary>The least the plan can take, in nanoseconds.</summary>
    public static long FloorNanoseconds(C2cSettings settings, C2cPlan plan)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(plan);
        return RunBudget.Product(plan.Pairs.Count, Implementations, RunBudget.RunsPerPoint(settings.Samples), settings.RoundTrips, RunBudget.RoundTripFloorNanoseconds);
    }

    /// <summary>The plan's duration at the latencies peers report, in seconds.</summary>
    public static double EstimateSeconds(C2cSettings settings, C2cPlan plan)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(plan);
        double roundTrips = plan.Pairs.Sum(p => 2 * PeerOneWayNanoseconds(p.Relation));
        return roundTrips * Implementations * RunBudget.RunsPerPoint(settings.Samples) * settings.RoundTrips / 1e9;
    }

    /// <summary>"about 4.1 min (at least 2.2 s)": the estimate and the floor, for notes.</summary>
    public static string Text(C2cSettings settings, C2cPlan plan)
        => $"about {Duration(EstimateSeconds(settings, plan))} at the one-way latencies peers report for a Xeon (8 ns SMT siblings, 51 ns within a socket, 136 ns across), at least {Duration(FloorNanoseconds(settings, plan) / 1e9)} at {RunBudget.RoundTripFloorNanoseconds} ns a round trip";

    /// <summary>Seconds as results keep them: three significant digits.</summary>
    public static string Seconds(double seconds) => seconds.ToString("G3", CultureInfo.InvariantCulture);

    private static double PeerOneWayNanoseconds(CpuRelation relation) => relation switch
    {
        CpuRelation.SmtSibling => 8,
        CpuRelation.OtherPackage => 136,
        _ => 51,
    };

    private static string Duration(double seconds) => seconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:0.#} ms"),
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
    };
}
