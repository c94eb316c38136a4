using System.Text.Json;
using System.Text.RegularExpressions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Results;

public sealed partial class ResultsJsonTests
{
    [Fact]
    public void A_document_round_trips_unchanged()
    {
        ResultsDocument document = SampleDocuments.Document();
        string json = ResultsJson.Serialize(document);
        ResultsDocument back = ResultsJson.Deserialize(json, "test");
        Assert.Equal(json, ResultsJson.Serialize(back));
        Assert.Equal("0-1", back.Machine.Usable.ToString());
        Assert.Equal(10, back.Experiments[0].Points[0].Samples[0].Value);
        Assert.Equal(4.5, back.Experiments[0].Points[0].Derived["penalty"]);
    }

    [Fact]
    public void The_captured_results_write_back_with_the_same_words_for_outcomes_and_statuses()
    {
        string captured = File.ReadAllText(CapturedResults.PathOf(CapturedResults.QuickKvm));
        string written = ResultsJson.Serialize(ResultsJson.Deserialize(captured, "captured"));
        Assert.Equal(Words(captured, "outcome"), Words(written, "outcome"));
        Assert.Equal(Words(captured, "status"), Words(written, "status"));
        Assert.Contains("not measurable", Words(captured, "outcome"));
        Assert.Equal(written, ResultsJson.Serialize(ResultsJson.Deserialize(written, "written")));
    }

    [Fact]
    public void Every_outcome_and_status_is_written_as_its_word()
    {
        VerdictOutcome[] outcomes = Enum.GetValues<VerdictOutcome>();
        ExperimentStatus[] statuses = Enum.GetValues<ExperimentStatus>();
        ExperimentResult[] experiments = [.. statuses.Select((status, i) => SampleDocuments.Experiment($"e{i}", status) with
        {
            Verdicts = [.. outcomes.Select(o => new Verdict("claim", "figure", o, "why"))],
        })];
        string json = ResultsJson.Serialize(SampleDocuments.Document(experiments));
        Assert.Equal(["completed", "failed", "interrupted", "skipped"], Words(json, "status"));
        Assert.Equal(
            [.. Enumerable.Repeat<string[]>(["confirmed", "refuted", "inconclusive", "not measurable", "info"], statuses.Length).SelectMany(w => w)],
            Words(json, "outcome"));
        Assert.Equal(json, ResultsJson.Serialize(ResultsJson.Deserialize(json, "test")));
    }

    // Every value of a property of that name, in document order.
    private static List<string> Words(string json, string property)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var words = new List<string>();
        Collect(document.RootElement);
        return words;

        void Collect(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty p in element.EnumerateObject())
                {
                    if (p.Name == property && p.Value.ValueKind == JsonValueKind.String)
                    {
                        words.Add(p.Value.GetString()!);
                    }
                    Collect(p.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Collect(item);
                }
            }
        }
    }

    [Fact]
    public void Another_schema_is_refused_by_name()
    {
        string json = ResultsJson.Serialize(SampleDocuments.Document()).Replace("hwlab.results/2", "hwlab.results/9", StringComparison.Ordinal);
        ResultsFormatException error = Assert.Throws<ResultsFormatException>(() => ResultsJson.Deserialize(json, "old.json"));
        Assert.Equal("old.json has schema hwlab.results/9; this HwLab reads hwlab.results/1 and hwlab.results/2", error.Message);
    }

    [Theory]
    [InlineData("not json at all", "is not JSON")]
    [InlineData("{\"name\": \"x\"}", "has no \"schema\"")]
    [InlineData("[1, 2]", "has no \"schema\"")]
    [InlineData("{\"schema\": \"hwlab.results/1\", \"experiments\": 7}", "x.json: hwlabVersion: missing")]
    public void Documents_that_are_not_results_are_refused(string json, string expected)
    {
        ResultsFormatException error = Assert.Throws<ResultsFormatException>(() => ResultsJson.Deserialize(json, "x.json"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_written_is_documented_in_the_schema_page()
    {
        string schemaPage = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "results-schema.md"));
        HashSet<string> documented = [.. BacktickedNames().Matches(schemaPage).Select(m => m.Groups[1].Value)];
        using JsonDocument json = JsonDocument.Parse(ResultsJson.Serialize(SampleDocuments.Document()));
        var missing = new SortedSet<string>();
        Collect(json.RootElement, documented, missing, parentIsFreeForm: false);
        Assert.True(missing.Count == 0, $"results.json fields missing from docs/results-schema.md: {string.Join(", ", missing)}");
    }

    // keys, parameters and derived hold experiment-specific names; their contents are described in prose.
    private static void Collect(JsonElement element, HashSet<string> documented, SortedSet<string> missing, bool parentIsFreeForm)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (!parentIsFreeForm && !documented.Contains(property.Name))
                {
                    missing.Add(property.Name);
                }
                Collect(property.Value, documented, missing, property.Name is "keys" or "parameters" or "derived");
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                Collect(item, documented, missing, parentIsFreeForm: false);
            }
        }
    }

    private static string RepoRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "HwLab.sln")))
            {
                return dir;
            }
        }
        throw new InvalidOperationException("HwLab.sln not found above the test binaries.");
    }

    [GeneratedRegex("`([A-Za-z]+)`")]
    private static partial Regex BacktickedNames();
}
