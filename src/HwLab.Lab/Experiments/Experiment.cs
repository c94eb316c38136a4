using System.Diagnostics;
using HwLab.Lab.Decisions;
using HwLab.Lab.Engine;
using HwLab.Lab.Experiments.Planning;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments;

/// <summary>
/// An experiment with settings of type <typeparamref name="TSettings"/>: defaults sized for a
/// profile and a machine, the options that change them, validation that names the bad setting, a
/// run that always returns a result, completed, interrupted (with what was measured) or failed
/// (with why), and the section of the reports that shows it.
/// </summary>
public abstract class Experiment<TSettings> : IExperiment
    where TSettings : class
{
    public abstract string Name { get; }

    public abstract string Title { get; }

    public abstract string Description { get; }

    public abstract IExperimentReport Report { get; }

    /// <summary>This experiment's own options; none unless it declares some.</summary>
    public virtual IReadOnlyList<SettingOption> Options => [];

    public virtual bool SamplesInRounds => true;

    /// <summary>The settings for <paramref name="profile"/> on this machine.</summary>
    public abstract TSettings DefaultSettings(SuiteProfile profile, CpuTopology topology);

    /// <exception cref="ExperimentSettingsException">A setting this machine or experiment cannot run with.</exception>
    public abstract void Validate(TSettings settings, CpuTopology topology);

    public PreparedRun Prepare(SuiteProfile profile, CpuTopology topology, ISettingValues given)
    {
        TSettings settings = Settings(profile, topology, given);
        Validate(settings, topology);
        return new PreparedRun(this, context => Run(settings, context));
    }

    public ExperimentPlan Plan(SuiteProfile profile, CpuTopology topology, ISettingValues given, OperationCosts costs, TimeSpan samplingBudget)
    {
        ArgumentNullException.ThrowIfNull(costs);
        TSettings settings;
        try
        {
            settings = Settings(profile, topology, given);
            Validate(settings, topology);
        }
        catch (ExperimentSettingsException e)
        {
            return ExperimentPlan.SkippedFor(Name, e.Message);
        }
        RunShape shape = Shape(settings, topology);
        return new ExperimentPlan(Name, null, shape, shape.MinimumNanoseconds(costs) / 1e9, SamplesInRounds ? samplingBudget.TotalSeconds : 0);
    }

    /// <summary>What <paramref name="settings"/> make this experiment run: its variants, rounds and a description of both.</summary>
    public abstract RunShape Shape(TSettings settings, CpuTopology topology);

    /// <summary>The settings of <paramref name="profile"/> on this machine with each option in <paramref name="given"/> put over them, not yet checked.</summary>
    /// <exception cref="ExperimentSettingsException">Options that cannot make settings together (more threads than CPUs named).</exception>
    public TSettings Settings(SuiteProfile profile, CpuTopology topology, ISettingValues given)
    {
        ArgumentNullException.ThrowIfNull(given);
        return WithOptions(FitToProfile(DefaultSettings(profile, topology), profile, topology), profile, topology, given);
    }

    /// <summary>
    /// The defaults with less work per run where their minimum rounds, priced with the documented
    /// costs, would take longer than the profile allows one experiment (<see cref="SuitePlan.ExperimentTarget"/>):
    /// on a machine of hundreds of CPUs the same profile measures the same shape in shorter runs.
    /// Options given on the command line still override what this leaves.
    /// </summary>
    private TSettings FitToProfile(TSettings settings, SuiteProfile profile, CpuTopology topology)
    {
        double target = SuitePlan.ExperimentTarget(profile).TotalNanoseconds;
        try
        {
            // Per-run overheads do not shrink with the work, so a second and third pass take what is left.
            for (int pass = 0; pass < 3; pass++)
            {
                double estimate = Shape(settings, topology).MinimumNanoseconds(OperationCosts.Documented);
                if (estimate <= target)
                {
                    break;
                }
                settings = WithWorkScaled(settings, target / estimate);
            }
        }
        catch (ExperimentSettingsException)
        {
            // Defaults this machine cannot run: Validate says so with the reason; nothing to fit.
        }
        return settings;
    }

    /// <summary>The settings with the work of each run (operations, round trips, durations) scaled by <paramref name="factor"/> (below 1), never below what a sample needs.</summary>
    protected virtual TSettings WithWorkScaled(TSettings settings, double factor) => settings;

    /// <summary>Puts each of this experiment's <see cref="Options"/> that was given over <paramref name="defaults"/>.</summary>
    protected virtual TSettings WithOptions(TSettings defaults, SuiteProfile profile, CpuTopology topology, ISettingValues given) => defaults;

    public ExperimentResult Run(TSettings settings, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        Validate(settings, context.Topology);
        DateTimeOffset started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        IReadOnlyDictionary<string, string> parameters = Describe(settings, context.Topology);
        try
        {
            Measurement measured = Measure(settings, context);
            return new ExperimentResult(Name, Title, ExperimentStatus.Completed, null, started, clock.Elapsed.TotalSeconds, parameters, measured.Points, measured.Verdicts, measured.Notes)
            {
                Timelines = measured.Timelines,
                Sampling = measured.Sampling,
                Scaling = measured.Scaling,
            };
        }
        catch (SamplingInterruptedException e)
        {
            return new ExperimentResult(Name, Title, ExperimentStatus.Interrupted, "interrupted before every sample was taken", started, clock.Elapsed.TotalSeconds, parameters, e.Points, [], []);
        }
        catch (OperationCanceledException)
        {
            return new ExperimentResult(Name, Title, ExperimentStatus.Interrupted, "interrupted", started, clock.Elapsed.TotalSeconds, parameters, [], [], []);
        }
        catch (Exception e) when (e is not ExperimentSettingsException)
        {
            return new ExperimentResult(Name, Title, ExperimentStatus.Failed, FailureText(e), started, clock.Elapsed.TotalSeconds, parameters, [], [], []);
        }
    }

    /// <summary>The settings as they go into results: every knob, as text.</summary>
    protected abstract IReadOnlyDictionary<string, string> Describe(TSettings settings);

    /// <summary>
    /// The settings as they go into results, with what they come to on this machine where that is
    /// decided before measuring (how many pairs c2c measures, and for how long); by default <see cref="Describe(TSettings)"/>.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string> Describe(TSettings settings, CpuTopology topology) => Describe(settings);

    protected abstract Measurement Measure(TSettings settings, ExperimentContext context);

    /// <summary>
    /// Samples the variants interleaved, reporting progress under this experiment's name: at least
    /// <paramref name="samples"/> rounds, then more while <paramref name="decide"/> leaves a claim
    /// undecided, within the context's sampling budget.
    /// </summary>
    protected SamplingOutcome Sample(IReadOnlyList<Variant> variants, int samples, ExperimentContext context, Func<IReadOnlyList<PointResult>, IReadOnlyList<Decision>> decide)
    {
        ArgumentNullException.ThrowIfNull(context);
        var plan = new SamplingPlan(samples) { Budget = context.SamplingBudget, MaxRounds = (int)Math.Max(samples, ExperimentLimits.Samples.Max) };
        return Sampler.Run(variants, plan, decide, context.Cancellation, (done, planned) => context.Report(Name, done, planned));
    }

    private static string FailureText(Exception e)
        => e is AggregateException aggregate ? string.Join("; ", aggregate.Flatten().InnerExceptions.Select(i => i.Message)) : e.Message;

    /// <summary>What an experiment measured: points, verdicts on the claims it tests, and notes on how.</summary>
    protected sealed record Measurement(IReadOnlyList<PointResult> Points, IReadOnlyList<Verdict> Verdicts, IReadOnlyList<string> Notes)
    {
        public IReadOnlyList<Timeline> Timelines { get; init; } = [];

        public SamplingSummary? Sampling { get; init; }

        public IReadOnlyList<ScalingCurve> Scaling { get; init; } = [];
    }
}
