using System.CommandLine;
using System.Globalization;
using HwLab.Cli.Output;
using HwLab.Lab.Results;
using HwLab.Native;
using HwLab.Native.Counters;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab topology`: the machine as HwLab sees it, the facts every experiment is sized and pinned by.</summary>
internal static class TopologyCommand
{
    public const string Schema = "hwlab.topology/1";

    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (schema hwlab.topology/1) instead of tables." };
        var capture = new Option<string?>("--capture")
        {
            Description = "Also save the raw /sys, /proc and CPUID text the topology was read from to FILE (for a bug report or a test fixture).",
            HelpName = "FILE",
        };
        var from = new Option<string?>("--from")
        {
            Description = "Read the topology from a capture FILE (made with --capture) instead of this machine; counters are then not probed.",
            HelpName = "FILE",
        };
        var command = new Command("topology", "CPUs, the allowed set, SMT siblings, caches and who shares them, pairs of usable CPUs by relation (SMT sibling to other package), line size, NUMA nodes and distances, hypervisor, and which counters are available.")
        {
            json, capture, from,
        };
        command.SetAction(parsed => Run(
            ConsoleView.ForStandardOutput(output), parsed.GetValue(json), parsed.GetValue(capture), parsed.GetValue(from)));
        return command;
    }

    private static int Run(ConsoleView view, bool json, string? capturePath, string? fromPath)
    {
        if (capturePath is not null)
        {
            CliPaths.EnsureWritableFile(capturePath, "--capture");
        }
        if (fromPath is not null)
        {
            CliPaths.Require(fromPath, "--from");
        }

        SysfsSnapshot snapshot = fromPath is null ? SysfsSnapshot.ReadLive() : CaptureFile.Snapshot(fromPath, "--from");
        CpuTopology topology = fromPath is not null
            ? CaptureFile.Parse(fromPath, "--from", () => TopologyParser.Parse(snapshot))
            : OperatingSystem.IsLinux() ? TopologyParser.Parse(snapshot) : TopologyReader.Read();
        IReadOnlyList<CounterAvailability>? counters = fromPath is null ? CounterAvailability.Probe() : null;

        if (capturePath is not null)
        {
            AtomicFile.WriteAllText(capturePath, snapshot.ToCaptureText());
        }

        if (json)
        {
            CliJson.Write(view.Writer, new TopologyDocument(
                Schema,
                fromPath is null ? "live" : $"capture {fromPath}",
                topology,
                TopologyRelations.Count(topology),
                TopologyRelations.DistanceMatrix(topology),
                counters?.Select(c => new CounterDocument(c.Kind.PerfEventName(), c.IsAvailable, c.ExcludesKernel, c.UnavailableReason)).ToArray()));
        }
        else
        {
            TopologyView.Write(view, topology, counters);
            if (capturePath is not null)
            {
                view.WriteLine();
                view.WriteLine($"Capture written to {capturePath}.");
            }
        }
        return ExitCodes.Success;
    }

    /// <summary>The JSON document of `hwlab topology --json`.</summary>
    /// <param name="Relations">Pairs of usable CPUs per relation, closest first.</param>
    /// <param name="NumaDistances">The distance matrix, null with fewer than two nodes or none recorded (each node's row is also in Topology.NumaNodes).</param>
    internal sealed record TopologyDocument(
        string Schema,
        string Source,
        CpuTopology Topology,
        IReadOnlyList<RelationCount> Relations,
        DistanceMatrix? NumaDistances,
        IReadOnlyList<CounterDocument>? Counters);

    /// <summary>One counter: its perf name, whether it opened, and if not why.</summary>
    internal sealed record CounterDocument(string Name, bool Available, bool UserSpaceOnly, string? UnavailableReason);
}
