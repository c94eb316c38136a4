using System.Text.Json.Nodes;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Results;

/// <summary>Each experiment's scaling curves in results.json: written with their fits, read back, and refused by path when broken.</summary>
public sealed class ScalingResultsTests
{
    private static string Json() => ResultsJson.Serialize(SampleDocuments.Document());

    [Fact]
    public void Curves_round_trip_with_their_fit_or_why_there_is_none()
    {
        string json = Json();

        ResultsDocument back = ResultsJson.Deserialize(json, "scaling.json");

        Assert.Equal(json, ResultsJson.Serialize(back));
        IReadOnlyList<ScalingCurve> curves = back.Experiments[0].Scaling;
        Assert.Equal(["impl=managed", "impl=native"], curves.Select(c => c.Id));
        Assert.Equal(0.05, curves[0].Fit!.Sigma, 6);
        Assert.Null(curves[0].NoFitReason);
        Assert.Null(curves[1].Fit);
        Assert.Contains("needs points at 4 or more worker counts", curves[1].NoFitReason, StringComparison.Ordinal);
        Assert.Equal([1, 2], curves[1].Points.Select(p => p.Workers));
    }

    [Fact]
    public void A_document_without_curves_reads_with_none()
    {
        JsonObject document = JsonNode.Parse(Json())!.AsObject();
        document["experiments"]![0]!.AsObject().Remove("scaling");

        ResultsDocument back = ResultsJson.Deserialize(document.ToJsonString(), "old.json");

        Assert.Empty(back.Experiments[0].Scaling);
    }

    public static TheoryData<string, string> Breakages => new()
    {
        { "sigma negative", "experiments[0].scaling[0].fit.sigma: -0.05 is negative" },
        { "lambda zero", "experiments[0].scaling[0].fit.lambda: must be positive" },
        { "peak below one worker", "experiments[0].scaling[0].fit.peakWorkers: must be 1 or more" },
        { "peak without its throughput", "experiments[0].scaling[0].fit: peakWorkers and peakThroughput are null together or not at all" },
        { "fit and a reason", "experiments[0].scaling[0]: has both a fit and a noFitReason" },
        { "neither", "experiments[1].scaling[1]: has neither a fit nor a noFitReason" },
        { "no workers", "experiments[0].scaling[1].points[0].workers: must be 1 or more" },
        { "throughput NaN", "experiments[0].scaling[1].points[1].throughput: must be finite" },
        { "id twice", "experiments[0].scaling[1].id: 'impl=managed' is also the id of experiments[0].scaling[0]" },
        { "unit missing", "experiments[0].scaling[0].unit: missing" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_curve_is_refused_by_path(string breakage, string expected)
    {
        JsonObject document = JsonNode.Parse(Json())!.AsObject();
        JsonArray experiments = document["experiments"]!.AsArray();
        experiments.Add(experiments[0]!.DeepClone());
        experiments[1]!["name"] = "second";
        JsonObject Curve(int experiment, int index) => experiments[experiment]!["scaling"]![index]!.AsObject();
        JsonObject fit = Curve(0, 0)["fit"]!.AsObject();
        Action broken = breakage switch
        {
            "sigma negative" => () => fit["sigma"] = -0.05,
            "lambda zero" => () => fit["lambda"] = 0,
            "peak below one worker" => () => fit["peakWorkers"] = 0.5,
            "peak without its throughput" => () => fit["peakThroughput"] = null,
            "fit and a reason" => () => Curve(0, 0)["noFitReason"] = "too few",
            "neither" => () => Curve(1, 1)["noFitReason"] = null,
            "no workers" => () => Curve(0, 1)["points"]![0]!["workers"] = 0,
            "throughput NaN" => () => Curve(0, 1)["points"]![1]!["throughput"] = "NaN",
            "id twice" => () => Curve(0, 1)["id"] = "impl=managed",
            "unit missing" => () => Curve(0, 0).Remove("unit"),
            _ => throw new ArgumentOutOfRangeException(nameof(breakage)),
        };
        broken();

        ResultsFormatException error = Assert.Throws<ResultsFormatException>(() => ResultsJson.Deserialize(document.ToJsonString(), "broken.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
