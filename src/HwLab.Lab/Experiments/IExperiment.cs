using HwLab.Lab.Experiments.Planning;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Reports;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments;

/// <summary>
/// One experiment, whole: its name, its settings and how they are given and checked, its run
/// (measurement and verdicts), and its section of the reports. Adding an experiment is a folder
/// that implements this (usually through <see cref="Experiment{TSettings}"/>) and a line in
/// <see cref="ExperimentCatalog"/>.
/// </summary>
public interface IExperiment
{
    /// <summary>The name on the command line and in results.json: c2c, falseshare, locks.</summary>
    string Name { get; }

    /// <summary>A heading for reports.</summary>
    string Title { get; }

    /// <summary>What it measures and why, in a sentence or two.</summary>
    string Description { get; }

    /// <summary>Its settings as options of `hwlab run NAME`, in the order --help lists them.</summary>
    IReadOnlyList<SettingOption> Options { get; }

    /// <summary>Whether it samples in rounds, and so takes a time budget for rounds past its minimum (--budget-s).</summary>
    bool SamplesInRounds { get; }

    /// <summary>What the reports show of it, from its results alone.</summary>
    IExperimentReport Report { get; }

    /// <summary>
    /// The settings <paramref name="profile"/> gives on this machine with each option in
    /// <paramref name="given"/> put over them, checked, ready to run.
    /// </summary>
    /// <exception cref="ExperimentSettingsException">Settings this machine or experiment cannot run with (one CPU where two are needed, a value out of range); nothing has run.</exception>
    PreparedRun Prepare(SuiteProfile profile, CpuTopology topology, ISettingValues given);

    /// <summary>
    /// What it would run with the same settings as <see cref="Prepare"/>, priced with
    /// <paramref name="costs"/>, without running anything: skipped with the reason where the
    /// settings cannot run on <paramref name="topology"/>.
    /// </summary>
    ExperimentPlan Plan(SuiteProfile profile, CpuTopology topology, ISettingValues given, OperationCosts costs, TimeSpan samplingBudget);
}
