using HwLab.Lab.Reports;

namespace HwLab.Lab.Experiments;

/// <summary>An experiment's identity, as `hwlab run` and the report name it.</summary>
public interface IExperiment
{
    /// <summary>The name on the command line: c2c, falseshare, locks.</summary>
    string Name { get; }

    /// <summary>A heading for reports.</summary>
    string Title { get; }

    /// <summary>What it measures and why, in a sentence or two.</summary>
    string Description { get; }

    /// <summary>What the reports show of it, from its results alone.</summary>
    IExperimentReport Report { get; }

    /// <summary>Runs with the settings <paramref name="profile"/> gives on this machine.</summary>
    /// <exception cref="ExperimentSettingsException">This machine cannot run it at all (for example one CPU where two are needed).</exception>
    Results.ExperimentResult RunDefault(SuiteProfile profile, ExperimentContext context);
}
