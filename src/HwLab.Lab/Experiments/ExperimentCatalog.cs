using HwLab.Lab.Experiments.C2c;
using HwLab.Lab.Experiments.Check;
using HwLab.Lab.Experiments.FalseShare;
using HwLab.Lab.Experiments.Locks;
using HwLab.Lab.Experiments.Reserve;
using HwLab.Lab.Experiments.Swap;
using HwLab.Lab.Reports;

namespace HwLab.Lab.Experiments;

/// <summary>
/// The experiments, in the order the suite runs them: the one list `hwlab suite` runs, `hwlab run
/// NAME` makes its commands from, and the reports and the results check look an experiment's name
/// up in.
/// </summary>
public sealed class ExperimentCatalog
{
    /// <summary>Every experiment HwLab has.</summary>
    public static ExperimentCatalog Standard { get; } = new(
    [
        new C2cExperiment(),
        new FalseShareExperiment(),
        new LocksExperiment(),
        new SwapExperiment(churn: false),
        new SwapExperiment(churn: true),
        new ReserveExperiment(),
    ]);

    /// <exception cref="ArgumentException">Two experiments share a name.</exception>
    public ExperimentCatalog(IEnumerable<IExperiment> experiments)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        All = [.. experiments];
        if (All.GroupBy(e => e.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Two experiments are named {twice.Key}.", nameof(experiments));
        }
    }

    public IReadOnlyList<IExperiment> All { get; }

    public IExperiment? Find(string name) => All.FirstOrDefault(e => e.Name == name);

    /// <summary>
    /// The sections of experiments run on demand rather than by the suite (`hwlab check`, which
    /// needs a layout to be made): not in any catalog, yet their results render wherever they are read.
    /// </summary>
    private static readonly Dictionary<string, IExperimentReport> s_onDemandSections = new(StringComparer.Ordinal)
    {
        [CheckExperiment.ExperimentName] = CheckExperiment.Section,
    };

    /// <summary>
    /// The section of the experiment named <paramref name="name"/>: this catalog's, else an on-demand
    /// experiment's; for a name neither knows, the parts every experiment gets.
    /// </summary>
    public IExperimentReport ReportOf(string name) => Find(name)?.Report ?? s_onDemandSections.GetValueOrDefault(name) ?? PointsOnlyReport.Instance;

    /// <summary>This catalog with <paramref name="more"/> after its own experiments.</summary>
    public ExperimentCatalog With(params IEnumerable<IExperiment> more) => new([.. All, .. more]);
}
