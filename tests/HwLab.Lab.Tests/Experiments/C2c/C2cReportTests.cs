using System.Globalization;
using System.Xml.Linq;
using HwLab.Lab.Experiments.C2c;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Reports.Svg;
using HwLab.Lab.Tests.Results;
using HwLab.Native.Tests.Topology;
using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Experiments.C2c;

/// <summary>
/// c2c's figures from results alone: points laid out as a plan on a synthesized machine would
/// write them, each pair given a latency by its relation so that what the figures show can be
/// worked out here.
/// </summary>
public sealed class C2cReportTests
{
    // One-way latency given to each pair, by relation: far apart, so a cell shows which relation it took.
    private static readonly Dictionary<CpuRelation, double> s_latency = new()
    {
        [CpuRelation.SmtSibling] = 8,
        [CpuRelation.SameL2] = 20,
        [CpuRelation.SameL3] = 40,
        [CpuRelation.SameNode] = 90,
        [CpuRelation.SamePackage] = 110,
        [CpuRelation.OtherPackage] = 130,
    };

    private readonly C2cReport _report = new();

    [Fact]
    public void A_full_matrix_is_a_map_of_cpus_by_core_then_the_relations()
    {
        ExperimentResult result = Result(Plan(TopologyFixtures.Desktop));
        ReportFigure[] figures = [.. _report.Figures(result)];

        Assert.Equal(["c2c-native", "c2c-managed", "c2c-relations"], figures.Select(Id));
        // Rows in the order of the machine: core 0's threads (CPUs 0 and 16), then core 1's...
        int[] expected = [.. Enumerable.Range(0, 16).SelectMany(core => new[] { core, core + 16 })];
        Assert.Equal(expected, RowOrder(figures[0], "CPU"));
    }

    [Fact]
    public void A_sample_is_a_map_of_l3_domains_with_every_cell_measured()
    {
        C2cPlan plan = Plan(TopologyFixtures.Epyc);
        ReportFigure[] figures = [.. _report.Figures(Result(plan))];

        Assert.Equal(["c2c-l3-native", "c2c-l3-managed", "c2c-relations"], figures.Select(Id));
        XElement map = SvgText.Parse(figures[0].Svg);
        Dictionary<(int, int), double> cells = Cells(map, "L3 domain");
        // 16 CCXs: every one of the 16 x 16 cells measured.
        Assert.Equal(16 * 16, cells.Count);
        // CCXs 0-7 are socket 0's, 8-15 socket 1's; within a CCX the siblings are left out.
        Assert.Equal(s_latency[CpuRelation.OtherPackage], cells[(0, 8)]);
        Assert.Equal(s_latency[CpuRelation.SameNode], cells[(1, 7)]);
        Assert.Equal(s_latency[CpuRelation.SameL3], cells[(3, 3)]);
        Assert.Contains("from a sample of", figures[0].Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void The_relations_show_median_and_range_over_the_pairs_in_ns()
    {
        // Three pairs of one relation at 10, 20 and 60 ns, one of another at 5 ns.
        ExperimentResult result = ResultOf(
            Point(0, 1, "same-l3", "0-0", 10), Point(0, 2, "same-l3", "0-0", 20), Point(1, 2, "same-l3", "0-0", 60), Point(0, 4, "smt-sibling", "0-0", 5));
        ReportFigure relations = _report.Figures(result).Single(f => Id(f) == "c2c-relations");

        Assert.Equal(["smt-sibling", "same-l3"], relations.Table!.Rows.Select(r => r[0]));
        Assert.Equal(["same-l3", "native", "3", Numbers.Format(20), Numbers.Format(10), Numbers.Format(60)], relations.Table.Rows[1]);
        XElement chart = SvgText.Parse(relations.Svg);
        Assert.Contains("one-way latency (ns)", SvgText.Texts(chart));
        Assert.Contains("min to max over the pairs", SvgText.Texts(chart));
        Assert.Equal(3 * 2, SvgText.All(chart, "line").Count(l => (string?)l.Attribute("class") == "range"));
    }

    [Fact]
    public void Results_before_the_l3_key_keep_a_map_of_cpus_and_their_relation_names()
    {
        // As written before relations by cache: relation "same-package", no l3 key.
        PointResult older = PointWith(new Dictionary<string, string> { ["pair"] = "0-1", ["relation"] = "same-package", ["impl"] = "native" }, 30);
        ReportFigure[] figures = [.. _report.Figures(ResultOf(older))];

        Assert.Equal(["c2c-native", "c2c-relations"], figures.Select(Id));
        Assert.Equal(["same-package"], figures[1].Table!.Rows.Select(r => r[0]));
    }

    private static C2cPlan Plan(string machine)
    {
        CpuTopology topology = TopologyFixtures.Parse(machine);
        return C2cExperiment.Plan(C2cSettings.ForProfile(Lab.Experiments.SuiteProfile.Default, [.. topology.Usable]), topology);
    }

    private static ExperimentResult Result(C2cPlan plan)
        => ResultOf([.. plan.Pairs.SelectMany(p => new[] { C2cExperiment.Native, C2cExperiment.Managed }
            .Select(impl => Point(p.First, p.Second, p.Relation.Name(), p.DomainsText, s_latency[p.Relation], impl)))]);

    private static ExperimentResult ResultOf(params PointResult[] points)
        => SampleDocuments.Experiment("c2c") with { Points = points, Timelines = [] };

    private static PointResult Point(int first, int second, string relation, string l3, double ns, string impl = C2cExperiment.Native)
        => PointWith(new Dictionary<string, string> { ["pair"] = $"{first}-{second}", ["relation"] = relation, ["l3"] = l3, ["impl"] = impl }, ns);

    private static PointResult PointWith(Dictionary<string, string> keys, double ns)
    {
        SampleRecord[] samples = [.. Enumerable.Range(0, 5).Select(i => SampleDocuments.Sample(i, ns))];
        return new PointResult(PointResult.IdOf(keys), keys, "one-way latency, ns (half the round trip)", "ns", Statistics.From(samples), samples, new Dictionary<string, double>());
    }

    private static string Id(ReportFigure figure) => SvgText.Parse(figure.Svg).Attribute("data-chart")!.Value;

    // The heat map's cells as their titles give them: "CPU 0 to CPU 16: 8".
    private static Dictionary<(int, int), double> Cells(XElement map, string item)
        => SvgText.All(map, "title")
            .Select(t => t.Value)
            .Where(t => t.StartsWith(item + " ", StringComparison.Ordinal))
            .Select(t => t[(item.Length + 1)..].Split([$" to {item} ", ": "], StringSplitOptions.None))
            .ToDictionary(
                parts => (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture)),
                parts => double.Parse(parts[2], CultureInfo.InvariantCulture));

    // Rows are drawn top to bottom: the order in which rows first appear.
    private static int[] RowOrder(ReportFigure figure, string item)
        => [.. SvgText.All(SvgText.Parse(figure.Svg), "title")
            .Select(t => t.Value)
            .Where(t => t.StartsWith(item + " ", StringComparison.Ordinal))
            .Select(t => int.Parse(t[(item.Length + 1)..].Split(' ')[0], CultureInfo.InvariantCulture))
            .Distinct()];
}
