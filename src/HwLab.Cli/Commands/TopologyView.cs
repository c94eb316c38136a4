using System.Globalization;
using HwLab.Cli.Output;
using HwLab.Native;
using HwLab.Native.Counters;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>Renders a topology for people: the facts first, then caches, counters and anything that disagreed.</summary>
internal static class TopologyView
{
    public static void Write(ConsoleView view, CpuTopology topology, IReadOnlyList<CounterAvailability>? counters)
    {
        view.WriteHeading("Machine");
        view.WriteFacts(Facts(topology));

        view.WriteHeading("Caches");
        view.WriteTable(["level", "type", "size", "line", "ways", "instances", "each shared by"], CacheRows(topology.Caches));

        view.WriteHeading($"Pairs of usable CPUs by relation ({Plural(topology.Usable.Count, "CPU")})");
        view.WriteTable(
            ["relation", "pairs", "meaning"],
            TopologyRelations.Count(topology).Select(r => (IReadOnlyList<string>)[r.Relation, r.Pairs.ToString(CultureInfo.InvariantCulture), r.Meaning]));

        if (TopologyRelations.DistanceMatrix(topology) is { } distances)
        {
            view.WriteHeading("NUMA distances (nodeN/distance; 10 is local)");
            view.WriteTable(
                ["node", .. distances.Nodes.Select(n => n.ToString(CultureInfo.InvariantCulture))],
                distances.Nodes.Select((node, row) => (IReadOnlyList<string>)
                [
                    node.ToString(CultureInfo.InvariantCulture),
                    .. distances.Rows[row].Select(d => d?.ToString(CultureInfo.InvariantCulture) ?? "?"),
                ]));
        }

        if (counters is not null)
        {
            view.WriteHeading("Counters (perf_event_open, this thread)");
            view.WriteTable(
                ["counter", "available", "why not"],
                counters.Select(c => (IReadOnlyList<string>)
                [
                    c.Kind.PerfEventName(),
                    c.IsAvailable ? (c.ExcludesKernel ? "yes (user space only)" : "yes") : "no",
                    c.UnavailableReason ?? "",
                ]));
        }

        if (topology.Discrepancies.Count > 0)
        {
            view.WriteHeading("Where /sys and CPUID disagree");
            foreach (string discrepancy in topology.Discrepancies)
            {
                view.WriteLine($"- {discrepancy}");
            }
        }
        if (topology.Notes.Count > 0)
        {
            view.WriteHeading("Notes");
            foreach (string note in topology.Notes)
            {
                view.WriteLine($"- {note}");
            }
        }
    }

    private static IEnumerable<(string, string)> Facts(CpuTopology t)
    {
        string cpuId = t.CpuId is null ? "" : string.Create(CultureInfo.InvariantCulture, $" ({t.CpuId.Vendor} family 0x{t.CpuId.Family:x} model 0x{t.CpuId.Model:x})");
        yield return ("CPU", (t.CpuModel ?? "unknown") + cpuId);
        yield return ("Kernel", t.KernelRelease ?? "unknown");
        yield return ("Hypervisor", t.Hypervisor.Present ? $"yes{(t.Hypervisor.Vendor is null ? "" : $" ({t.Hypervisor.Vendor})")}: core-to-core figures include the host's scheduling" : "none");
        yield return ("CPUs online", $"{t.Online.Count} ({t.Online})");
        yield return ("Allowed", $"{t.Usable.Count} usable ({t.Usable}){(t.Usable.Equals(t.Online) ? "" : $"; affinity {t.Allowed}")}");
        yield return ("Packages", Plural(t.Packages, "package") + ", " + Plural(t.Cores, "core") + ", " + Plural(t.ThreadsPerCore, "thread") + " per core");
        yield return ("SMT siblings", t.SmtSiblingGroups.Count == 0 ? "none" : string.Join(" ", t.SmtSiblingGroups.Take(16).Select(g => $"[{g}]")) + (t.SmtSiblingGroups.Count > 16 ? $" ... ({t.SmtSiblingGroups.Count} groups)" : ""));
        yield return ("NUMA nodes", t.NumaNodes.Count == 0 ? "unknown" : string.Join("; ", t.NumaNodes.Select(n => $"node {n.Id}: {n.Cpus}")));
        string clflush = t.CpuId is { ClflushLineSize: > 0 } id ? $"; CPUID CLFLUSH {id.ClflushLineSize} bytes" : "";
        yield return ("Line size", $"{t.LineSize} bytes{clflush}");
    }

    // A 128-CPU machine has 64 identical L1d caches: one row per kind of cache, with the sharing sets listed briefly.
    private static IEnumerable<IReadOnlyList<string>> CacheRows(IReadOnlyList<CacheInfo> caches)
        => caches
            .GroupBy(c => (c.Level, c.Type, c.SizeBytes, c.LineSize, c.Ways, Sharing: c.SharedCpus.Count))
            .Select(g =>
            {
                CacheInfo[] instances = [.. g];
                string shared = string.Join(" ", instances.Take(4).Select(c => $"[{c.SharedCpus}]")) + (instances.Length > 4 ? " ..." : "");
                return (IReadOnlyList<string>)
                [
                    $"L{g.Key.Level}", g.Key.Type.ToString(), ByteSize.Format(g.Key.SizeBytes), $"{g.Key.LineSize} B",
                    g.Key.Ways == 0 ? "?" : g.Key.Ways.ToString(CultureInfo.InvariantCulture),
                    instances.Length.ToString(CultureInfo.InvariantCulture),
                    $"{Plural(g.Key.Sharing, "CPU")}: {shared}",
                ];
            });

    private static string Plural(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
