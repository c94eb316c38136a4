using System.Globalization;
using HwLab.Lab.Experiments.Planning;
using HwLab.Native.Topology;
using HwLab.PagePool.Reserve;

namespace HwLab.Lab.Experiments.Reserve;

public sealed partial class ReserveExperiment
{
    /// <summary>
    /// A bound on a deterministic run, simulated ticks on one thread: the quick suite's whole reserve
    /// experiment, four deterministic runs and four threaded ones of at most 0.5 s, took 2.4 s on the
    /// 2-vCPU guest of docs/performance.md.
    /// </summary>
    private static readonly TimeSpan s_deterministicRun = TimeSpan.FromSeconds(1);

    /// <summary>Each policy once deterministically and --repeats times threaded, each threaded run bounded by --duration-ms; no rounds.</summary>
    public override RunShape Shape(ReserveSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        long policies = settings.Policies.Distinct().Count() + (MmapSemContrast(settings) ? 1 : 0);
        bool threaded = settings.Modes.Contains(ReserveOutcome.Threaded);
        bool deterministic = settings.Modes.Contains(ReserveOutcome.Deterministic);
        double fixedNs = (deterministic ? policies * s_deterministicRun.TotalNanoseconds : 0)
            + (threaded ? policies * settings.Repeats * settings.ThreadedDuration.TotalNanoseconds : 0);
        return new RunShape(
            1,
            policies * settings.Modes.Distinct().Count(),
            0,
            [],
            [
                ("policies", string.Join(", ", settings.Policies.Distinct()) + (MmapSemContrast(settings) ? ", and the reaper with mmap_sem held" : "")),
                ("modes", string.Join(", ", settings.Modes.Distinct())),
                ("threaded runs", threaded ? $"{settings.Repeats} per policy, at most {settings.ThreadedDuration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms each" : "none"),
                ("zone", $"{settings.Scenario.ZonePages} pages"),
            ],
            fixedNs);
    }
}
