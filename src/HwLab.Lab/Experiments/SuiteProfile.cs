namespace HwLab.Lab.Experiments;

/// <summary>How long the experiments run: quick (under 30 s on 2 CPUs), default (under 2 minutes), full (as long as it takes).</summary>
public enum SuiteProfile
{
    Quick,
    Default,
    Full,
}
