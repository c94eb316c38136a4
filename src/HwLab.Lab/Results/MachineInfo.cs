using System.Runtime.InteropServices;
using HwLab.Lab.Engine;
using HwLab.Native.Counters;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Lab.Results;

/// <summary>The machine results came from, as much of the topology as a reader of the results needs.</summary>
/// <param name="Counters">Each perf counter: available, or why not.</param>
/// <param name="ClockReadNanoseconds">What one Stopwatch read costs here; figures that read the clock per batch carry this much per batch.</param>
public sealed record MachineInfo(
    string Host,
    string? CpuModel,
    string? KernelRelease,
    string Runtime,
    string Os,
    bool Hypervisor,
    string? HypervisorVendor,
    CpuSet Online,
    CpuSet Usable,
    int Packages,
    int Cores,
    int ThreadsPerCore,
    int NumaNodes,
    int LineSize,
    IReadOnlyList<CounterStatus> Counters,
    double ClockReadNanoseconds)
{
    /// <summary>Reads this machine: the topology, the counters, the clock cost.</summary>
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
