using System.Text.Json;
using HwLab.Lab.Results;

namespace HwLab.Lab.Fleet;

/// <summary>
/// Reads hwlab-failed.json, the record a deployment leaves in a machine's results directory when
/// it could not bring that machine's results back (docs/results-schema.md):
/// <c>{"schema": "hwlab.fleet-failure/1", "host": ..., "reason": ..., "stage": ..., "time": ...}</c>.
/// </summary>
public static class FleetFailureJson
{
    public const string FileName = "hwlab-failed.json";

    public const string Schema = "hwlab.fleet-failure/1";

    /// <summary>The stages a failure is recorded at: the machine's own check, the suite's run, bringing the results back, or the time allowed running out.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["check", "run", "fetch", "timeout"];

    /// <param name="source">The file, as a refusal names it.</param>
    /// <param name="directory">The directory that holds it, as the user named it; the failure's <see cref="FleetFailure.Source"/>.</param>
    /// <exception cref="ResultsFormatException">
    /// Not JSON, another schema, or a field missing, empty or of the wrong type; the message is one
    /// line that names the file and the field.
    /// </exception>
    public static FleetFailure Read(string json, string source, string directory)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(directory);
        using JsonDocument parsed = SchemaDocument.Parse(json, source);
        SchemaDocument.CheckSchema(parsed.RootElement, source, "failure record", [Schema]);
        var root = new ResultsField(parsed.RootElement, source, "");
        string host = Text(root.Property("host"));
        string stage = Stage(root.Property("stage"));
        string reason = Text(root.Property("reason"));
        return new FleetFailure(directory, host, stage, reason, root.Property("time").Date());
    }

    private static string Stage(ResultsField field)
    {
        string stage = Text(field);
        return Stages.Contains(stage) ? stage : throw field.Fail($"expected one of {string.Join(", ", Stages)}, found {OneLineText.Quoted(stage)}");
    }

    // A host or reason is shown on one line whatever the deployment wrote (an error message
    // captured from a remote command may hold line breaks); an empty one says nothing and is refused.
    private static string Text(ResultsField field)
    {
        string text = OneLineText.Of(field.String()).Trim();
        return text.Length > 0 ? text : throw field.Fail("empty");
    }
}
