using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

/// <summary>
/// The CPU topology of the machine: which CPUs exist and may be used, how they group into
/// cores, packages and NUMA nodes, the caches they share, and the cache line size that padding
/// must use. Built by <see cref="TopologyParser"/>; a plain tree of values (no cycles, every
/// derived figure stored), so it serializes as it is.
/// </summary>
public sealed record CpuTopology
{
    /// <summary>CPUs online now (/sys/devices/system/cpu/online).</summary>
    public required CpuSet Online { get; init; }

    /// <summary>CPUs the kernel could ever bring online (possible).</summary>
    public required CpuSet Possible { get; init; }

    /// <summary>CPUs physically present (present); online ones are a subset.</summary>
    public required CpuSet Present { get; init; }

    /// <summary>This process's affinity (/proc/self/status Cpus_allowed_list); it may name offline CPUs.</summary>
    public required CpuSet Allowed { get; init; }

    /// <summary>CPUs this process can run on now: <see cref="Allowed"/> ∩ <see cref="Online"/>.</summary>
    public required CpuSet Usable { get; init; }

    /// <summary>Every online CPU, by id.</summary>
    public required IReadOnlyList<LogicalCpu> Cpus { get; init; }

    /// <summary>Distinct physical packages (sockets) among the online CPUs.</summary>
    public required int Packages { get; init; }

    /// <summary>Distinct physical cores, counted as distinct (package, die, core id).</summary>
    public required int Cores { get; init; }

    /// <summary>The most online hardware threads on one core (1 without SMT).</summary>
    public required int ThreadsPerCore { get; init; }

    /// <summary>Each set of SMT siblings with more than one online CPU, by first CPU.</summary>
    public required IReadOnlyList<CpuSet> SmtSiblingGroups { get; init; }

    /// <summary>Each physical cache once, by level, type and first sharing CPU.</summary>
    public required IReadOnlyList<CacheInfo> Caches { get; init; }

    /// <summary>The cache line size in bytes: L1 data coherency_line_size, else CPUID, else 64 (see <see cref="Notes"/>).</summary>
    public required int LineSize { get; init; }

    /// <summary>NUMA nodes by id.</summary>
    public required IReadOnlyList<NumaNode> NumaNodes { get; init; }

    public required HypervisorInfo Hypervisor { get; init; }

    /// <summary>uname -r (/proc/sys/kernel/osrelease), or null when not known.</summary>
    public required string? KernelRelease { get; init; }

    /// <summary>/proc/cpuinfo "model name", else the CPUID brand string, else null.</summary>
    public required string? CpuModel { get; init; }

    /// <summary>The decoded CPUID leaves, or null where none were recorded (not x86).</summary>
    public required CpuIdSummary? CpuId { get; init; }

    /// <summary>Sentences naming where /sys or /proc and CPUID disagree; empty when they agree.</summary>
    public required IReadOnlyList<string> Discrepancies { get; init; }

    /// <summary>Sentences naming what was missing and what was assumed instead.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
