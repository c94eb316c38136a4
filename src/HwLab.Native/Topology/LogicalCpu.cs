using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

/// <summary>
/// One online logical CPU (a hardware thread) and where it sits: core, die, package and NUMA node.
/// Ids are the kernel's: core ids are unique within a die only and need not be contiguous.
/// </summary>
/// <param name="Id">The CPU number, as in cpuN and sched_setaffinity.</param>
/// <param name="CoreId">topology/core_id.</param>
/// <param name="PackageId">topology/physical_package_id: the socket.</param>
/// <param name="DieId">topology/die_id; 0 where the kernel does not report dies.</param>
/// <param name="NumaNode">The node whose cpulist holds the CPU, or -1 when none does.</param>
/// <param name="ThreadSiblings">The online CPUs sharing its core, itself included (topology/thread_siblings_list).</param>
public sealed record LogicalCpu(int Id, int CoreId, int PackageId, int DieId, int NumaNode, CpuSet ThreadSiblings);
