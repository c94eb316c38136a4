using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Planning;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;
using HwLab.Lab.Suite;
using HwLab.Lab.Tests.Results;
using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Suite;

public sealed class SuiteRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hwlab-suite-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Results_are_written_after_every_experiment_and_a_skip_is_recorded_not_thrown()
    {
        var seen = new List<int>();
        var first = new FakeExperiment("first", _ => SampleDocuments.Experiment("first"));
        var second = new FakeExperiment("second", _ =>
        {
            // By the time the second experiment runs, the first one is on disk.
            ResultsDocument onDisk = ResultsJson.Deserialize(File.ReadAllText(Path.Combine(_directory, "results.json")), "results.json");
            seen.Add(onDisk.Experiments.Count);
            throw new ExperimentSettingsException("needs 2 CPUs; this machine has 1");
        });
        var third = new FakeExperiment("third", _ => SampleDocuments.Experiment("third", ExperimentStatus.Failed));

        using ResultsDirectory directory = ResultsDirectory.Prepare(_directory);
        ResultsDocument document = SuiteRunner.Run(new ExperimentCatalog([first, second, third]), SuiteProfile.Quick, directory, "hwlab suite", TopologyReader.Read(), CancellationToken.None);

        Assert.Equal([1], seen);
        Assert.Equal(["completed", "skipped", "failed"], document.Experiments.Select(e => e.Status.Text()));
        Assert.Equal("needs 2 CPUs; this machine has 1", document.Experiments[1].Error);
        Assert.Empty(document.NotRun);
        ResultsDocument final = ResultsJson.Deserialize(File.ReadAllText(Path.Combine(_directory, "results.json")), "results.json");
        Assert.Equal(3, final.Experiments.Count);
        Assert.Contains("## third: A title", File.ReadAllText(Path.Combine(_directory, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_interruption_keeps_what_finished_and_names_what_did_not_run()
    {
        var first = new FakeExperiment("first", _ => SampleDocuments.Experiment("first"));
        var second = new FakeExperiment("second", _ => SampleDocuments.Experiment("second", ExperimentStatus.Interrupted));
        var third = new FakeExperiment("third", _ => throw new InvalidOperationException("must not run"));

        using ResultsDirectory directory = ResultsDirectory.Prepare(_directory);
        ResultsDocument document = SuiteRunner.Run(new ExperimentCatalog([first, second, third]), SuiteProfile.Quick, directory, "hwlab suite", TopologyReader.Read(), CancellationToken.None);

        Assert.Equal(["completed", "interrupted"], document.Experiments.Select(e => e.Status.Text()));
        Assert.Equal(["third"], document.NotRun);
        Assert.Contains("## Not run", File.ReadAllText(Path.Combine(_directory, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_results_directory_that_cannot_be_made_is_refused_before_anything_runs()
    {
        string file = Path.Combine(_directory, "a-file");
        File.WriteAllText(file, "");
        Assert.Throws<IOException>(() => ResultsDirectory.Prepare(file));
        Assert.ThrowsAny<IOException>(() => ResultsDirectory.Prepare(Path.Combine(file, "below")));
    }

    private sealed class FakeExperiment(string name, Func<SuiteProfile, ExperimentResult> run) : IExperiment
    {
        public string Name => name;

        public string Title => "A title";

        public string Description => "A fake.";

        public IExperimentReport Report => PointsOnlyReport.Instance;

        public IReadOnlyList<SettingOption> Options => [];

        public bool SamplesInRounds => false;

        public PreparedRun Prepare(SuiteProfile profile, CpuTopology topology, ISettingValues given) => new(this, _ => run(profile));

        public ExperimentPlan Plan(SuiteProfile profile, CpuTopology topology, ISettingValues given, OperationCosts costs, TimeSpan samplingBudget)
            => new(name, null, new RunShape(1, 1, 0, [], []), 0, 0);
    }
}
