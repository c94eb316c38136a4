using HwLab.Lab.Results;

namespace HwLab.Lab.Experiments;

/// <summary>An experiment with its settings built and checked: nothing is left to refuse, and nothing has been measured yet.</summary>
public sealed class PreparedRun
{
    private readonly Func<ExperimentContext, ExperimentResult> _run;

    public PreparedRun(IExperiment experiment, Func<ExperimentContext, ExperimentResult> run)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(run);
        Experiment = experiment;
        _run = run;
    }

    public IExperiment Experiment { get; }

    /// <summary>Measures: completed, interrupted (with what was measured) or failed (with why).</summary>
    public ExperimentResult Run(ExperimentContext context) => _run(context);
}
