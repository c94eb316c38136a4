using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HwLab.Lab.Results;

namespace HwLab.Cli.Tests;

/// <summary>Results directories for the report and compare commands, made from the captured quick-suite results.</summary>
internal static partial class ResultsFixtures
{
    public static string CapturedPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "results", "quick-2vcpu-kvm.json");

    public static ResultsDocument Captured() => ResultsJson.Deserialize(File.ReadAllText(CapturedPath), "fixture");

    /// <summary>Writes <paramref name="document"/> as DIR/results.json under <paramref name="temp"/> and returns DIR.</summary>
    public static string WriteDirectory(TempDirectory temp, string name, ResultsDocument document)
    {
        string dir = temp.File(name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, ResultsDirectory.ResultsFile), ResultsJson.Serialize(document));
        return dir;
    }

    /// <summary>
    /// The captured results.json with the field at <paramref name="path"/> (<c>experiments[1].points[3].stats.median</c>)
    /// removed when <paramref name="json"/> is null, else replaced by that JSON text (<c>null</c>, <c>"NaN"</c>, <c>1e309</c>).
    /// </summary>
    public static string CapturedWithEdit(string path, string? json)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(CapturedPath))!;
        string[] steps = [.. PathStep().Matches(path).Select(m => m.Value)];
        JsonNode parent = steps[..^1].Aggregate(root, (node, step) => (step.StartsWith('[') ? node[Index(step)] : node[step])
            ?? throw new ArgumentException($"{path}: {step} is null or absent in the captured results", nameof(path)));
        string last = steps[^1];
        JsonNode? value = json is null ? null : JsonNode.Parse(json);
        if (last.StartsWith('['))
        {
            parent.AsArray()[Index(last)] = value ?? (json is null ? throw new ArgumentException("An array element can be replaced, not removed.", nameof(json)) : null);
        }
        else if (json is null)
        {
            Assert.True(parent.AsObject().Remove(last), $"{path} is not in the captured results");
        }
        else
        {
            parent[last] = value;
        }
        return root.ToJsonString();
    }

    private static int Index(string step) => int.Parse(step.AsSpan(1, step.Length - 2), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[^.\[\]]+|\[\d+\]")]
    private static partial Regex PathStep();
}
