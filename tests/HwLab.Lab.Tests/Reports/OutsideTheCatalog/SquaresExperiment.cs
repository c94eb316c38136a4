using System.Globalization;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Planning;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;
using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Reports.OutsideTheCatalog;

/// <summary>
/// An experiment that exists only in these tests: it "measures" n squared for n from 1 to its
/// largest, exactly, so that a run takes no time and needs no hardware. It is written as any
/// experiment is (settings, an option, validation, points, a verdict, its own report section) and
/// reaches the reports through the catalog alone.
/// </summary>
internal sealed class SquaresExperiment : Experiment<SquaresSettings>
{
    public const string ExperimentName = "squares";
    public const string NKey = "n";

    private static readonly ValueRange s_largestRange = new(1, 12);
    private static readonly SettingOption<int> s_largest = SettingOption.WholeNumber("--largest", $"The largest n {ProfileDefaults.With("4", s_largestRange)}", "N", s_largestRange);

    public override string Name => ExperimentName;

    public override string Title => "Squares of the first whole numbers";

    public override string Description => "n squared for n from 1 to --largest; a test's experiment, defined outside the catalog.";

    public override IExperimentReport Report { get; } = new SquaresReport();

    public override IReadOnlyList<SettingOption> Options => [s_largest];

    public override bool SamplesInRounds => false;

    public override SquaresSettings DefaultSettings(SuiteProfile profile, CpuTopology topology) => new(4);

    public override void Validate(SquaresSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        s_largestRange.Ensure(settings.Largest, s_largest.Name);
    }

    protected override SquaresSettings WithOptions(SquaresSettings defaults, SuiteProfile profile, CpuTopology topology, ISettingValues given)
        => new(given.Or(s_largest, defaults.Largest));

    public override RunShape Shape(SquaresSettings settings, CpuTopology topology) => new(1, settings.Largest, 0, [], [("largest", settings.Largest.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    protected override IReadOnlyDictionary<string, string> Describe(SquaresSettings settings)
        => new Dictionary<string, string> { ["largest"] = settings.Largest.ToString(CultureInfo.InvariantCulture) };

    protected override Measurement Measure(SquaresSettings settings, ExperimentContext context)
    {
        PointResult[] points = [.. Enumerable.Range(1, settings.Largest).Select(n =>
        {
            var keys = new Dictionary<string, string> { [NKey] = n.ToString(CultureInfo.InvariantCulture) };
            SampleRecord[] samples = [.. Enumerable.Range(0, 6).Select(i => SampleDocuments.Sample(i, n * n))];
            return new PointResult(PointResult.IdOf(keys), keys, "n squared", "count", Statistics.From(samples), samples, new Dictionary<string, double>());
        })];
        Verdict verdict = new("Each square is n times n.", $"{settings.Largest} squares", VerdictOutcome.Info, "Arithmetic, not a measurement.");
        return new Measurement(points, [verdict], ["Exact: every sample of a point is the same."]);
    }
}

internal sealed record SquaresSettings(int Largest);
