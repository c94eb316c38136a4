using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Results;

public sealed class ResultsVersion2Tests
{
    private static ResultsDocument Decided()
    {
        IReadOnlyList<RoundValue> rounds = [.. Enumerable.Range(0, 6).Select(i => new RoundValue(i, 1.6 + (i % 3 * 0.05), i < 3 ? 25 : 290))];
        Decision decision = Decider.Decide(DecisionRule.Above("penalty per round", 1.10), rounds);
        ExperimentResult experiment = SampleDocuments.Experiment() with
        {
            Verdicts = [Verdict.Decided("A claim.", "a figure", decision) with { Topic = Topics.SeedFalseSharing }],
            Sampling = new SamplingSummary(5, 6, SamplingSummary.Decided, 5, 0.4),
        };
        return SampleDocuments.Document(experiment);
    }

    [Fact]
    public void A_decided_verdict_and_the_sampling_round_trip()
    {
        ResultsDocument document = Decided();
        string json = ResultsJson.Serialize(document);

        ResultsDocument back = ResultsJson.Deserialize(json, "v2.json");

        Assert.Equal(json, ResultsJson.Serialize(back));
        Verdict verdict = Assert.Single(back.Experiments[0].Verdicts);
        Assert.Equal(Direction.Above, verdict.Direction);
        Assert.Equal(2, verdict.Groups!.Count);
        Assert.Equal(6, back.Experiments[0].Sampling!.Rounds);
        Assert.Contains("\"direction\": \"above\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_capture_still_reads_without_the_new_fields()
    {
        ResultsDocument old = CapturedResults.Load();

        Assert.Equal(ResultsDocument.Version1Schema, old.Schema);
        Assert.All(old.Experiments, e => Assert.Null(e.Sampling));
        Assert.All(old.Experiments.SelectMany(e => e.Verdicts), v => Assert.Null(v.CiLower));
    }

    [Theory]
    [InlineData("\"ciLower\": 1.", "\"ciLower\": 9.", "ciLower 9")]
    [InlineData("\"direction\": \"above\"", "\"direction\": \"sideways\"", "verdicts[0].direction: unknown direction")]
    [InlineData("\"stopReason\": \"decided\"", "\"stopReason\": \"bored\"", "sampling.stopReason: unknown stopReason")]
    [InlineData("\"rounds\": 6", "\"rounds\": -6", "experiments[0].sampling.rounds")]
    [InlineData("\"margin\": 0", "\"margin\": -1", "margin: must not be negative")]
    public void Broken_version_2_fields_are_refused_by_path(string field, string broken, string expected)
    {
        string json = ResultsJson.Serialize(Decided());
        Assert.Contains(field, json, StringComparison.Ordinal);

        ResultsFormatException error = Assert.Throws<ResultsFormatException>(() => ResultsJson.Deserialize(ReplaceFirst(json, field, broken), "v2.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        int at = text.IndexOf(what, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + what.Length));
    }
}
