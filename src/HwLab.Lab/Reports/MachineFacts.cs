using HwLab.Lab.Results;

namespace HwLab.Lab.Reports;

/// <summary>The machine a report's figures came from, as label and value rows for report.md and report.html alike.</summary>
public static class MachineFacts
{
    public static IReadOnlyList<IReadOnlyList<string>> Rows(MachineInfo m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return
        [
            ["CPU", m.CpuModel ?? "unknown"],
            ["CPUs", $"{m.Online.Count} online ({m.Online}), {m.Usable.Count} usable by HwLab ({m.Usable})"],
            ["Topology", $"{m.Packages} package(s), {m.Cores} core(s), {m.ThreadsPerCore} thread(s) per core, {m.NumaNodes} NUMA node(s)"],
            ["Cache line", $"{m.LineSize} bytes"],
            ["Hypervisor", m.Hypervisor ? $"yes ({m.HypervisorVendor ?? "unknown"})" : "none"],
            ["Kernel", m.KernelRelease ?? "unknown"],
            ["Runtime", $"{m.Runtime} on {m.Os}"],
            ["Clock read", $"{Numbers.Format(m.ClockReadNanoseconds)} ns per Stopwatch read"],
            ["Counters", string.Join("; ", m.Counters.Select(c => c.Available ? $"{c.Name}: yes" : $"{c.Name}: no ({c.UnavailableReason})"))],
        ];
    }
}
