using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

/// <summary>
/// One physical cache as /sys describes it (cpuN/cache/indexM/), listed once however many CPUs
/// share it. Values /sys does not report are 0.
/// </summary>
/// <param name="Level">1, 2, 3...</param>
/// <param name="Type">Data, instruction or unified.</param>
/// <param name="SizeBytes">Capacity in bytes (/sys writes "48K").</param>
/// <param name="LineSize">coherency_line_size in bytes.</param>
/// <param name="Ways">ways_of_associativity.</param>
/// <param name="Sets">number_of_sets.</param>
/// <param name="SharedCpus">The online CPUs that share this cache (shared_cpu_list).</param>
public sealed record CacheInfo(int Level, CacheType Type, long SizeBytes, int LineSize, int Ways, int Sets, CpuSet SharedCpus);
