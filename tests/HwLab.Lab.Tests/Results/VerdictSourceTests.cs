using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Html;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Experiments;

namespace HwLab.Lab.Tests.Results;

/// <summary>A verdict's source: written to results.json, read back, checked, and set beside its claim in both reports.</summary>
public sealed class VerdictSourceTests
{
    // A run with one worker, captured as written (see Fixtures/results/README.md): the seed's claims carry their source.
    private const string WithSources = "swap-one-worker-sources.json";

    private static ResultsDocument WithSource(string? source)
        => SampleDocuments.Document(SampleDocuments.Experiment() with
        {
            Verdicts = [new Verdict("The seed patch: a claim.", "a figure", VerdictOutcome.Info, "why") { Source = source }],
        });

    [Fact]
    public void The_source_round_trips_through_results_json()
    {
        string json = ResultsJson.Serialize(WithSource(ClaimSources.SeedPatch));

        ResultsDocument back = ResultsJson.Deserialize(json, "sourced.json");

        Assert.Equal(ClaimSources.SeedPatch, Assert.Single(back.Experiments[0].Verdicts).Source);
        Assert.Equal(json, ResultsJson.Serialize(back));
    }

    [Fact]
    public void A_claim_of_our_own_writes_no_source_field()
    {
        string json = ResultsJson.Serialize(WithSource(null));

        Assert.DoesNotContain("\"source\"", json, StringComparison.Ordinal);
        Assert.Null(Assert.Single(ResultsJson.Deserialize(json, "own.json").Experiments[0].Verdicts).Source);
    }

    [Fact]
    public void A_version_2_capture_written_before_the_field_still_reads()
    {
        ResultsDocument old = CapturedResults.Load(Fleet.FleetFixtures.Version2File);

        Assert.Equal(ResultsDocument.CurrentSchema, old.Schema);
        Assert.All(old.Experiments.SelectMany(e => e.Verdicts), v => Assert.Null(v.Source));
    }

    [Theory]
    [InlineData("\"\"", "must name the mail, commit or document")]
    [InlineData("\"  \"", "must name the mail, commit or document")]
    [InlineData("null", "verdicts[0].source")]
    [InlineData("7", "verdicts[0].source")]
    public void An_empty_or_mistyped_source_is_refused_by_path(string broken, string expected)
    {
        string json = ResultsJson.Serialize(WithSource("a mail"));
        Assert.Contains("\"source\": \"a mail\"", json, StringComparison.Ordinal);

        ResultsFormatException error = Assert.Throws<ResultsFormatException>(
            () => ResultsJson.Deserialize(json.Replace("\"source\": \"a mail\"", $"\"source\": {broken}", StringComparison.Ordinal), "broken.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_reports_show_a_captured_claims_source_beside_it()
    {
        ResultsDocument captured = CapturedResults.Load(WithSources);
        Verdict memory = captured.Experiments.SelectMany(e => e.Verdicts).Single(v => v.Topic == Topics.SeedMemory);
        Assert.Equal(ClaimSources.SeedPatch, memory.Source);

        string markdown = MarkdownReport.Render(captured);
        string html = HtmlReport.Render(captured);

        string escaped = MarkdownText.Escape(ClaimSources.SeedPatch);
        Assert.Contains($"| swap | {MarkdownText.Escape(memory.Claim)} | {escaped} |", markdown, StringComparison.Ordinal);
        Assert.Contains($"{MarkdownText.Escape(memory.Claim)} Source: {escaped}. Measured:", markdown, StringComparison.Ordinal);
        string encoded = HtmlText.Encode(ClaimSources.SeedPatch);
        Assert.Contains($"<td>{HtmlText.Encode(memory.Claim)}</td><td>{encoded}</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"source\">Source: {encoded}.</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_cited_claim_in_the_capture_names_its_source()
    {
        ExperimentResult swap = Assert.Single(CapturedResults.Load(WithSources).Experiments);

        Assert.Contains(swap.Verdicts, v => CitedClaims.NamesAnotherSource(v.Claim));
        CitedClaims.AssertEachNamesItsSource(swap);
    }
}
