using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.Planning;

/// <summary>What `hwlab suite` would run on a machine under a profile, experiment by experiment, and the bound it is held to.</summary>
public sealed record SuitePlan(SuiteProfile Profile, string Machine, int UsableCpus, OperationCosts Costs, IReadOnlyList<ExperimentPlan> Experiments)
{
    /// <summary>The longest the suite is expected to take.</summary>
    public double MaximumSeconds => Experiments.Sum(e => e.MaximumSeconds);

    public double MinimumSeconds => Experiments.Sum(e => e.MinimumSeconds);

    /// <summary>What a profile promises on any machine up to 512 CPUs: quick a minute, default five, full thirty.</summary>
    public static TimeSpan Bound(SuiteProfile profile) => profile switch
    {
        SuiteProfile.Quick => TimeSpan.FromSeconds(60),
        SuiteProfile.Default => TimeSpan.FromMinutes(5),
        _ => TimeSpan.FromMinutes(30),
    };

    /// <summary>
    /// How long one experiment's minimum rounds may take by default (quick 5 s, default 30 s, full
    /// 200 s): six of them and five sampling budgets stay within <see cref="Bound"/>.
    /// </summary>
    public static TimeSpan ExperimentTarget(SuiteProfile profile) => profile switch
    {
        SuiteProfile.Quick => TimeSpan.FromSeconds(5),
        SuiteProfile.Default => TimeSpan.FromSeconds(30),
        _ => TimeSpan.FromSeconds(200),
    };

    public bool WithinBound => MaximumSeconds <= Bound(Profile).TotalSeconds;

    /// <summary>Plans every experiment of <paramref name="catalog"/> for <paramref name="topology"/>, with their defaults for the profile.</summary>
    public static SuitePlan For(ExperimentCatalog catalog, SuiteProfile profile, CpuTopology topology, OperationCosts costs)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(topology);
        string machine = topology.CpuModel ?? "unknown CPU";
        return new SuitePlan(profile, machine, topology.Usable.Count, costs, [.. catalog.All.Select(e => e.Plan(profile, topology, Setup.SettingValues.None, costs, SuiteProfiles.SamplingBudget(profile)))]);
    }
}
