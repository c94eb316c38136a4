using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

/// <summary>A NUMA node and its CPUs (/sys/devices/system/node/nodeN/cpulist); a memory-only node has none.</summary>
public sealed record NumaNode(int Id, CpuSet Cpus);
