namespace HwLab.Lab.Experiments.Setup;

/// <summary>Options several experiments take, worded the same in each.</summary>
public static class SharedOptions
{
    /// <summary>--samples: the minimum rounds, "per point", with the experiment's defaults (<see cref="ProfileDefaults"/>).</summary>
    public static SettingOption<int> Samples(string per, string defaults)
        => SettingOption.WholeNumber("--samples", $"Minimum rounds: samples {per}, more while a claim is undecided (--budget-s) {defaults}", "N", ExperimentLimits.Samples);

    /// <summary>--seed of <paramref name="what"/>, any 32-bit whole number.</summary>
    public static SettingOption<int> Seed(string what, int defaultSeed)
        => SettingOption.WholeNumber("--seed", $"Seed of {what} {ProfileDefaults.With($"{defaultSeed}", ExperimentLimits.Seed)}", "N", ExperimentLimits.Seed);
}
