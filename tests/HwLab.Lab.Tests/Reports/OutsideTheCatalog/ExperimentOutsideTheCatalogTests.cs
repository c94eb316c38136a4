using System.Text.RegularExpressions;
using System.Xml.Linq;
using HwLab.Lab.Experiments;
using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Html;
using HwLab.Lab.Results;
using HwLab.Lab.Suite;
using HwLab.Lab.Tests.Experiments;
using HwLab.Lab.Tests.Reports.Svg;
using HwLab.Lab.Tests.Results;
using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Reports.OutsideTheCatalog;

/// <summary>
/// An experiment HwLab does not ship, given to a catalog, gets its own section in report.html and
/// report.md (its chart, its table) with no change to the report code; results that name it are
/// checked against its point keys; and a catalog that does not know it still renders its points.
/// </summary>
public sealed partial class ExperimentOutsideTheCatalogTests : IDisposable
{
    private static readonly CpuTopology s_topology = TopologyReader.Read();

    private readonly string _directory = Directory.CreateTempSubdirectory("hwlab-outside-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_suite_of_a_catalog_given_the_experiment_writes_its_chart_and_table_into_both_reports()
    {
        var catalog = new ExperimentCatalog([new SquaresExperiment()]);
        using (ResultsDirectory directory = ResultsDirectory.Prepare(_directory))
        {
            ResultsDocument document = SuiteRunner.Run(catalog, SuiteProfile.Quick, directory, "hwlab suite", s_topology, CancellationToken.None);
            Assert.Equal(ExperimentStatus.Completed, Assert.Single(document.Experiments).Status);
        }

        string html = File.ReadAllText(Path.Combine(_directory, "report.html"));
        XElement chart = Assert.Single(Charts(html));
        Assert.Equal(SquaresReport.ChartId, chart.Attribute("data-chart")!.Value);
        Assert.Equal(["1", "2", "3", "4"], SvgText.All(chart, "rect").Where(r => (string?)r.Attribute("data-series") == "square").Select(r => (string?)r.Attribute("data-category")));
        Assert.Contains($"<figcaption>{SquaresReport.Caption}</figcaption>", html, StringComparison.Ordinal);

        string markdown = File.ReadAllText(Path.Combine(_directory, "report.md"));
        Assert.Contains("## squares: Squares of the first whole numbers", markdown, StringComparison.Ordinal);
        Assert.Contains($"{SquaresReport.TableCaption}\n\n| n | square |\n| ---: | ---: |\n| 1 | 1.00 |\n| 2 | 4.00 |\n| 3 | 9.00 |\n| 4 | 16.0 |\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_standard_catalog_given_the_experiment_keeps_every_standard_section_and_adds_its_own()
    {
        ExperimentCatalog catalog = ExperimentCatalog.Standard.With(new SquaresExperiment());
        ResultsDocument captured = CapturedResults.Load();
        ResultsDocument document = captured with { Experiments = [.. captured.Experiments, Squares()] };

        string[] standard = [.. Charts(HtmlReport.Render(captured)).Select(c => c.Attribute("data-chart")!.Value)];
        string[] extended = [.. Charts(HtmlReport.Render(document, catalog)).Select(c => c.Attribute("data-chart")!.Value)];

        Assert.Equal([.. standard, SquaresReport.ChartId], extended);
        Assert.Contains(SquaresReport.TableCaption, MarkdownReport.Render(document, catalog), StringComparison.Ordinal);
    }

    [Fact]
    public void Rendered_again_from_results_json_alone_with_the_catalog_it_has_its_chart_and_without_it_its_points()
    {
        var catalog = new ExperimentCatalog([new SquaresExperiment()]);
        string json = ResultsJson.Serialize(SampleDocuments.Document(Squares()));

        ResultsDocument read = ResultsJson.Deserialize(json, "results.json", catalog);
        Assert.Single(Charts(HtmlReport.Render(read, catalog)));

        // What `hwlab report DIR` does: the standard catalog has no squares, so the section is the one every experiment gets.
        ResultsDocument unknown = ResultsJson.Deserialize(json, "results.json");
        string html = HtmlReport.Render(unknown);
        Assert.Empty(Charts(html));
        Assert.Contains("<h2 id=\"squares\">", html, StringComparison.Ordinal);
        Assert.Contains("n=4", html, StringComparison.Ordinal);
        string markdown = MarkdownReport.Render(unknown);
        Assert.DoesNotContain(SquaresReport.TableCaption, markdown, StringComparison.Ordinal);
        Assert.Contains("| n=4 | 16.0 count |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_naming_the_experiment_are_checked_against_its_point_keys()
    {
        ExperimentResult squares = Squares();
        PointResult first = squares.Points[0];
        var keys = new Dictionary<string, string> { [SquaresExperiment.NKey] = "one" };
        string json = ResultsJson.Serialize(SampleDocuments.Document(squares with { Points = [first with { Id = "n=one", Keys = keys }] }));

        ResultsFormatException error = Assert.Throws<ResultsFormatException>(() => ResultsJson.Deserialize(json, "results.json", new ExperimentCatalog([new SquaresExperiment()])));
        Assert.Equal("results.json: experiments[0].points[0].keys.n: expected a whole number, found 'one'", error.Message);
        // A catalog that does not know the experiment leaves its keys free.
        Assert.Equal("one", ResultsJson.Deserialize(json, "results.json").Experiments[0].Points[0].Keys[SquaresExperiment.NKey]);
    }

    [Fact]
    public void Its_option_goes_over_its_default_and_a_catalog_refuses_a_second_experiment_of_one_name()
    {
        var squares = new SquaresExperiment();
        Assert.Equal(7, squares.Settings(SuiteProfile.Quick, s_topology, new GivenText(("--largest", "7"))).Largest);
        Assert.Throws<ArgumentException>(() => ExperimentCatalog.Standard.With(squares, new SquaresExperiment()));
    }

    private static ExperimentResult Squares()
        => new SquaresExperiment().Run(new SquaresSettings(4), new ExperimentContext(s_topology, CancellationToken.None));

    private static IEnumerable<XElement> Charts(string html)
        => SvgElement().Matches(html).Select(m => SvgText.Parse(m.Value));

    [GeneratedRegex("<svg[^>]*class=\"chart\"[\\s\\S]*?</svg>")]
    private static partial Regex SvgElement();
}
