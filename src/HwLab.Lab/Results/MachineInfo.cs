using HwLab.Native.Threading;

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
    double ClockReadNanoseconds);
