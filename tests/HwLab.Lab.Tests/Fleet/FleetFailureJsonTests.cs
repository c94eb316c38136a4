using System.Text.Json.Nodes;
using HwLab.Lab.Fleet;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Fleet;

public sealed class FleetFailureJsonTests
{
    private const string Source = "out/web-3/hwlab-failed.json";

    [Fact]
    public void A_record_reads_to_its_host_stage_reason_and_time()
    {
        FleetFailure failure = FleetFailureJson.Read(FleetFixtures.FailureJson(), Source, "out/web-3");

        Assert.Equal(new FleetFailure("out/web-3", FleetFixtures.FailedHost, "check", FleetFixtures.FailedReason, FleetFixtures.FailedTime), failure);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("run")]
    [InlineData("fetch")]
    [InlineData("timeout")]
    public void Every_stage_reads(string stage)
    {
        Assert.Equal(stage, FleetFailureJson.Read(FleetFixtures.FailureJson(stage: stage), Source, "out/web-3").Stage);
    }

    [Fact]
    public void A_reason_with_line_breaks_reads_as_one_line()
    {
        FleetFailure failure = FleetFailureJson.Read(FleetFixtures.FailureJson(reason: "mkdir failed:\n  permission denied\r\n"), Source, "out/web-3");

        Assert.Equal("mkdir failed:   permission denied", failure.Reason);
    }

    [Theory]
    [InlineData("schema", "\"hwlab.results/2\"", $"{Source} has schema hwlab.results/2; this HwLab reads hwlab.fleet-failure/1")]
    [InlineData("schema", null, $"{Source} is not an HwLab failure record (it has no \"schema\")")]
    [InlineData("host", "null", $"{Source}: host: null")]
    [InlineData("host", "\"  \"", $"{Source}: host: empty")]
    [InlineData("reason", null, $"{Source}: reason: missing")]
    [InlineData("reason", "\"\"", $"{Source}: reason: empty")]
    [InlineData("reason", "3", $"{Source}: reason: expected a string, found a number")]
    [InlineData("stage", "\"deploy\"", $"{Source}: stage: expected one of check, run, fetch, timeout, found 'deploy'")]
    [InlineData("time", null, $"{Source}: time: missing")]
    [InlineData("time", "\"yesterday\"", $"{Source}: time: expected a date and time")]
    public void A_record_that_breaks_its_schema_is_refused_naming_the_file_and_field(string field, string? value, string expected)
    {
        JsonObject record = JsonNode.Parse(FleetFixtures.FailureJson())!.AsObject();
        record.Remove(field);
        if (value is not null)
        {
            record[field] = JsonNode.Parse(value);
        }

        var e = Assert.Throws<ResultsFormatException>(() => FleetFailureJson.Read(record.ToJsonString(), Source, "out/web-3"));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\": \"hwlab.fleet-failure/1\",", "is not JSON")]
    [InlineData("[]", "is not an HwLab failure record")]
    [InlineData("", "is not JSON")]
    public void Text_that_is_no_record_is_refused_naming_the_file(string json, string expected)
    {
        var e = Assert.Throws<ResultsFormatException>(() => FleetFailureJson.Read(json, Source, "out/web-3"));

        Assert.StartsWith($"{Source} {expected}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
