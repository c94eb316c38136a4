using System.Runtime.InteropServices;
using HwLab.Lab.Results;
using HwLab.Native.Counters;
using HwLab.Native.Topology;

namespace HwLab.Lab.Engine;

/// <summary>Reads the machine results are measured on into a <see cref="MachineInfo"/>: the topology, the counters, the clock cost.</summary>
public static class MachineInfoReader
{
    /// <summary>Reads this machine: the host and runtime, what <paramref name="topology"/> found, which perf counters open, and what a clock read costs.</summary>
    public static MachineInfo Read(CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return new MachineInfo(
            Environment.MachineName,
            topology.CpuModel,
            topology.KernelRelease,
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            topology.Hypervisor.Present,
            topology.Hypervisor.Vendor,
            topology.Online,
            topology.Usable,
            topology.Packages,
            topology.Cores,
            topology.ThreadsPerCore,
            topology.NumaNodes.Count,
            topology.LineSize,
            [.. CounterAvailability.Probe().Select(c => new CounterStatus(c.Kind.PerfEventName(), c.IsAvailable, c.UnavailableReason))],
            ClockOverhead.NanosecondsPerRead);
    }
}
