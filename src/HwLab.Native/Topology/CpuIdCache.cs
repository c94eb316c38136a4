namespace HwLab.Native.Topology;

/// <summary>
/// One cache as CPUID's deterministic cache parameters describe it (leaf 4 on Intel, 0x8000001D on
/// AMD), for the core the leaf was executed on.
/// </summary>
/// <param name="Level">1, 2, 3...</param>
/// <param name="Type">Data, instruction or unified.</param>
/// <param name="LineSize">The coherency line size in bytes.</param>
/// <param name="Ways">Ways of associativity.</param>
/// <param name="Partitions">Physical line partitions (lines per tag).</param>
/// <param name="Sets">Number of sets.</param>
/// <param name="SizeBytes">Ways × partitions × line size × sets.</param>
/// <param name="MaxThreadsSharing">The most logical processors that may share it (an upper bound of APIC ids, not a count of CPUs online).</param>
public sealed record CpuIdCache(int Level, CacheType Type, int LineSize, int Ways, int Partitions, int Sets, long SizeBytes, int MaxThreadsSharing);
