using HwLab.Lab.Reports;
using HwLab.Lab.Results;

namespace HwLab.Lab.Fleet;

/// <summary>The fleet's words and cell texts, the same in fleet.md and fleet.html: plain text that each page escapes its own way.</summary>
public static class FleetText
{
    /// <summary>What marks a machine whose verdict differs from the majority's: a sign and words, so it shows without colour and on paper.</summary>
    public const string OffMajorityMark = "\u2260 majority";

    public const string NotRun = "not run";

    public const string MajorityRule =
        "A claim's majority is the outcome of more than half of the machines that decided it (confirmed, refuted or inconclusive); "
        + "a machine whose verdict is not measurable or info has no say, and with no outcome above half the machines are split. "
        + "A machine whose verdict differs from the majority's is marked \u201c\u2260 majority\u201d. "
        + "Claims are matched across machines by their topic; \u201cnot run\u201d where a machine's results hold no verdict on the claim.";

    public const string NoFigures = "No machine's results carry a false-sharing penalty, a c2c latency or a swap scaling.";

    public const string NoVerdicts = "No machine's results hold a verdict.";

    public const string NoDisagreement = "Every machine that decided a claim agrees with the majority.";

    public const string NoMachines = "No machine's results were read: every directory named holds a failure record.";

    public const string FailedRule =
        "These machines brought no results back: each directory named holds hwlab-failed.json, whose results.json (if any) is not read, as it may be partial. "
        + "A failed machine has no column in the tables below and no say in any majority.";

    /// <summary>"4 machines in 2 CPU models; 20 claims, 2 with machines off the majority, 1 split; 1 machine failed." (the last part only where one did).</summary>
    public static string Summary(FleetTables fleet)
    {
        int models = fleet.Groups.Count;
        int claims = fleet.Claims.Count;
        int off = fleet.Claims.Count(c => c.HasOffMajority);
        int split = fleet.Claims.Count(c => c.IsSplit);
        string failed = fleet.Failures.Count == 0 ? "" : $"; {Count(fleet.Failures.Count, "machine")} failed";
        return $"{Count(fleet.Machines.Count, "machine")} in {Count(models, "CPU model")}; {Count(claims, "claim")}, {off} with machines off the majority, {split} split{failed}.";
    }

    /// <summary>"failed: web-3 at stage check: work directory /x not writable": a failed machine as one line.</summary>
    public static string FailedLine(FleetFailure failure) => $"failed: {failure.Host} at stage {failure.Stage}: {failure.Reason}";

    /// <summary>"1.0923 (1.0512 to 1.1412)": the deciding figure and its interval where the verdict carries them (version 2), else empty.</summary>
    public static string Figure(Verdict verdict)
    {
        if (verdict.Figure is not double figure)
        {
            return "";
        }
        string interval = DecisionText.HasInterval(verdict.CiLower, verdict.CiUpper)
            ? $" ({Numbers.Precise(verdict.CiLower!.Value)} to {Numbers.Precise(verdict.CiUpper!.Value)})"
            : "";
        return Numbers.Precise(figure) + interval;
    }

    /// <summary>The verdict cell as one line of text: mark, outcome, figure, and the off-majority mark.</summary>
    public static string VerdictCell(FleetClaim claim, int column)
    {
        if (claim.Verdicts[column] is not { } verdict)
        {
            return NotRun;
        }
        string mark = Reports.Html.HtmlText.Mark(verdict.Outcome);
        string figure = Figure(verdict);
        string text = $"{(mark.Length == 0 ? "" : mark + " ")}{verdict.Outcome.Text()}{(figure.Length == 0 ? "" : $": {figure}")}";
        return claim.IsOffMajority(column) ? $"{text} {OffMajority(claim)}" : text;
    }

    /// <summary>"≠ majority (confirmed, 2 of 3)".</summary>
    public static string OffMajority(FleetClaim claim) => $"{OffMajorityMark} ({claim.Majority?.Text()}, {claim.MajorityVotes} of {claim.Votes})";

    /// <summary>The majority column: "confirmed (2 of 3)", "split", or "-" where no machine voted.</summary>
    public static string Majority(FleetClaim claim)
        => claim.Majority is { } majority ? $"{majority.Text()} ({claim.MajorityVotes} of {claim.Votes})" : claim.IsSplit ? "split" : "-";

    /// <summary>"6.34x (against 128 bytes apart)", "107 ns (1 pair)", or "-" for a machine without the figure.</summary>
    public static string Value(FleetFigure figure, int column)
        => figure.Values[column] is { } value
            ? $"{Numbers.Format(value.Value)}{(figure.Unit == FleetFigure.Times ? "" : " ")}{figure.Unit} ({value.Basis})"
            : "-";

    /// <summary>
    /// One line per machine off the majority on a claim ("≠ majority: vm#2 (AMD EPYC) is refuted on
    /// ...; the majority is confirmed, 2 of 3."), then one per split claim.
    /// </summary>
    public static IReadOnlyList<string> Disagreements(FleetTables fleet)
    {
        IEnumerable<string> off = fleet.Claims.SelectMany(c => fleet.Machines
            .Select((m, column) => (m, column))
            .Where(x => c.IsOffMajority(x.column))
            .Select(x => $"{OffMajorityMark}: {x.m.Label} ({x.m.CpuModel}) is {c.Verdicts[x.column]!.Outcome.Text()} on \u201c{c.Claim}\u201d ({c.Experiment}); the majority is {c.Majority?.Text()}, {c.MajorityVotes} of {c.Votes}."));
        IEnumerable<string> split = fleet.Claims.Where(c => c.IsSplit)
            .Select(c => $"split: \u201c{c.Claim}\u201d ({c.Experiment}): no outcome has more than half of the {c.Votes} machines that decided it.");
        return [.. off, .. split];
    }

    /// <summary>The machine's facts for the machines table.</summary>
    public static IReadOnlyList<string> MachineRow(FleetMachine m)
    {
        MachineInfo info = m.Document.Machine;
        return
        [
            m.Label,
            m.CpuModel,
            m.Host,
            $"{info.Online.Count} online, {info.Packages} package(s), {info.Cores} core(s), {info.ThreadsPerCore} thread(s) per core",
            info.Hypervisor ? $"yes ({info.HypervisorVendor ?? "unknown"})" : "none",
            m.Document.Profile,
            Minute(m.Document.CreatedUtc),
            m.Document.Schema,
            m.Source,
        ];
    }

    /// <summary>A failed machine's row in the failed machines table.</summary>
    public static IReadOnlyList<string> FailedRow(FleetFailure f)
        => [f.Host, f.Stage, f.Reason, Minute(f.Time), f.Source];

    public static IReadOnlyList<string> FailedHeaders { get; } = ["host", "stage", "reason", "failed (UTC)", "directory"];

    public static IReadOnlyList<string> MachineHeaders { get; } = ["machine", "CPU model", "host", "CPUs", "hypervisor", "profile", "measured (UTC)", "schema", "results"];

    private static string Minute(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
