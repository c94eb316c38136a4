using System.Text.Json.Nodes;
using HwLab.Lab.Fleet;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Fleet;

/// <summary>
/// A fleet of three results built from the captured suite runs under Fixtures/results: the
/// version-1 run and the version-2 run of the 2-vCPU KVM guest (host "vm", AMD EPYC, both), and
/// a copy of the version-2 run made into another machine: another host and CPU model, and the
/// seed's false-sharing claim refuted (its deciding figure and interval moved below the
/// threshold, the 8-byte penalties with it), so that this machine alone disagrees on it. The two
/// real runs also differ on some claims by themselves; tests name those from the captured files.
/// </summary>
/// <remarks>Linked into HwLab.Cli.Tests, whose fleet command tests write these as results directories.</remarks>
internal static class FleetFixtures
{
    public const string Version1File = "quick-2vcpu-kvm.json";
    public const string Version2File = "quick-2vcpu-kvm-v2.json";

    public const string OtherHost = "xeon-2s";
    public const string OtherCpuModel = "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz";

    /// <summary>The claim the other machine refutes while the two captured runs confirm it.</summary>
    public const string FlippedTopic = Topics.SeedFalseSharing;

    public const double FlippedFigure = 1.02;
    public const double FlippedPenalty = 1.03;

    /// <summary>The three results as (a directory name, results.json text), in the order a user would name them.</summary>
    public static IReadOnlyList<(string Name, string Json)> All =>
    [
        ("kvm-v1", Text(Version1File)),
        ("kvm-v2", Text(Version2File)),
        ("xeon", OtherMachine()),
    ];

    /// <summary>A machine that failed its check: the host, reason and time <see cref="FailureJson"/> writes by default.</summary>
    public const string FailedHost = "web-3";
    public const string FailedReason = "work directory /x not writable";
    public static readonly DateTimeOffset FailedTime = new(2026, 11, 29, 5, 21, 28, TimeSpan.Zero);

    /// <summary>hwlab-failed.json as a deployment writes it in place of a machine's results, spelled out rather than built from the reader's constants.</summary>
    public static string FailureJson(string host = FailedHost, string stage = "check", string reason = FailedReason)
        => new JsonObject { ["schema"] = "hwlab.fleet-failure/1", ["host"] = host, ["reason"] = reason, ["stage"] = stage, ["time"] = "2026-11-29T05:21:28Z" }.ToJsonString();

    public static IReadOnlyList<FleetInput> Inputs => [.. All.Select(r => new FleetInput(r.Name, ResultsJson.Deserialize(r.Json, r.Name)))];

    public static FleetTables Tables() => FleetTables.From(Inputs);

    public static string Text(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "results", file));

    /// <summary>The version-2 run as another machine that refutes <see cref="FlippedTopic"/>.</summary>
    public static string OtherMachine()
    {
        JsonNode root = JsonNode.Parse(Text(Version2File))!;
        root["machine"]!["host"] = OtherHost;
        root["machine"]!["cpuModel"] = OtherCpuModel;
        JsonNode falseshare = root["experiments"]!.AsArray().Single(e => (string?)e!["name"] == "falseshare")!;
        JsonNode verdict = falseshare["verdicts"]!.AsArray().Single(v => (string?)v!["topic"] == FlippedTopic)!;
        verdict["outcome"] = VerdictOutcome.Refuted.Text();
        verdict["figure"] = FlippedFigure;
        verdict["ciLower"] = 0.97;
        verdict["ciUpper"] = 1.06;
        verdict["groups"] = null;
        foreach (JsonNode? point in falseshare["points"]!.AsArray().Where(p => (string?)p!["keys"]!["distance"] == "8"))
        {
            point!["derived"]!["penalty"] = FlippedPenalty;
        }
        return root.ToJsonString();
    }
}
