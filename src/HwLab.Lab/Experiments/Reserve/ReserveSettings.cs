using HwLab.PagePool.Reserve;

namespace HwLab.Lab.Experiments.Reserve;

/// <summary>Settings of the reserve experiment.</summary>
/// <param name="Policies">2015, favor, reaper.</param>
/// <param name="Modes">deterministic (one seeded scheduler), threaded (every task a thread).</param>
/// <param name="Repeats">Threaded runs per policy (a deterministic run gives the same result every time, so it runs once).</param>
/// <param name="ThreadedDuration">The time bound of a threaded run.</param>
public sealed record ReserveSettings(
    IReadOnlyList<string> Policies,
    IReadOnlyList<string> Modes,
    ReserveScenario Scenario,
    int Repeats,
    TimeSpan ThreadedDuration)
{
    public static IReadOnlyList<string> KnownModes { get; } = [ReserveOutcome.Deterministic, ReserveOutcome.Threaded];

    public static ReserveSettings ForProfile(SuiteProfile profile) => profile switch
    {
        SuiteProfile.Quick => new ReserveSettings(ReservePolicies.Names, KnownModes, new ReserveScenario(), 1, TimeSpan.FromMilliseconds(500)),
        SuiteProfile.Full => new ReserveSettings(ReservePolicies.Names, KnownModes, new ReserveScenario { MaxTicks = 240_000 }, 5, TimeSpan.FromSeconds(3)),
        _ => new ReserveSettings(ReservePolicies.Names, KnownModes, new ReserveScenario(), 3, TimeSpan.FromSeconds(1)),
    };
}
