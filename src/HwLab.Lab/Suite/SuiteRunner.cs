using System.Reflection;
using HwLab.Lab.Engine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Results;
using HwLab.Native.Topology;

namespace HwLab.Lab.Suite;

/// <summary>
/// Runs experiments one after another and rewrites results.json and report.md after each, so a
/// failure or Ctrl+C later keeps everything measured before it and says what did not run.
/// </summary>
public static class SuiteRunner
{
    public static string HwlabVersion { get; } =
        typeof(SuiteRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>A results document with the machine and no experiments yet.</summary>
    public static ResultsDocument NewDocument(string profile, string commandLine, MachineInfo machine, IEnumerable<string> planned)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        return new ResultsDocument(ResultsDocument.CurrentSchema, HwlabVersion, now, now, commandLine, profile, machine, [], [.. planned]);
    }

    /// <summary>Runs every experiment of <paramref name="catalog"/>, writing results and reports (each experiment's section from the catalog) after each.</summary>
    public static ResultsDocument Run(
        ExperimentCatalog catalog,
        SuiteProfile profile,
        ResultsDirectory? directory,
        string commandLine,
        CpuTopology topology,
        CancellationToken cancellation,
        Action<SuiteEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        IReadOnlyList<IExperiment> experiments = catalog.All;
        ResultsDocument document = NewDocument(profile.ToString().ToLowerInvariant(), commandLine, MachineInfoReader.Read(topology), experiments.Select(e => e.Name));
        for (int i = 0; i < experiments.Count; i++)
        {
            IExperiment experiment = experiments[i];
            if (cancellation.IsCancellationRequested)
            {
                break;
            }
            int index = i + 1;
            events?.Invoke(new SuiteEvent(index, experiments.Count, experiment.Name, experiment.Title, 0, 0, null));
            var context = new ExperimentContext(topology, cancellation, p => events?.Invoke(new SuiteEvent(index, experiments.Count, experiment.Name, experiment.Title, p.Done, p.Planned, null)))
            {
                SamplingBudget = SuiteProfiles.SamplingBudget(profile),
            };
            ExperimentResult result;
            try
            {
                result = experiment.Prepare(profile, topology, SettingValues.None).Run(context);
            }
            catch (ExperimentSettingsException e)
            {
                result = ExperimentResult.SkippedFor(experiment, e.Message);
            }

            document = Append(document, result);
            directory?.Write(document, catalog);
            events?.Invoke(new SuiteEvent(index, experiments.Count, experiment.Name, experiment.Title, 1, 1, result));
            if (result.Status == ExperimentStatus.Interrupted)
            {
                break;
            }
        }
        return document;
    }

    /// <summary>The document with one more experiment, removed from those not run.</summary>
    public static ResultsDocument Append(ResultsDocument document, ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(result);
        return document with
        {
            UpdatedUtc = DateTimeOffset.UtcNow,
            Experiments = [.. document.Experiments, result],
            NotRun = [.. document.NotRun.Where(name => name != result.Name)],
        };
    }
}
