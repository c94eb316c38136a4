namespace HwLab.Lab.Experiments;

/// <summary>How long the experiments run: the whole suite within a minute (quick), five minutes (default) or thirty (full) on machines up to 512 CPUs, by its plan (<see cref="Planning.SuitePlan.Bound"/>).</summary>
public enum SuiteProfile
{
    Quick,
    Default,
    Full,
}

/// <summary>What each profile allows for rounds past the minimum.</summary>
public static class SuiteProfiles
{
    /// <summary>
    /// Per experiment, for rounds added while a claim is undecided: quick 5 s (30 s for the six
    /// experiments of the suite), default 20 s (2 minutes), full 2 minutes.
    /// </summary>
    public static TimeSpan SamplingBudget(SuiteProfile profile) => profile switch
    {
        SuiteProfile.Quick => TimeSpan.FromSeconds(5),
        SuiteProfile.Default => TimeSpan.FromSeconds(20),
        _ => TimeSpan.FromMinutes(2),
    };
}
