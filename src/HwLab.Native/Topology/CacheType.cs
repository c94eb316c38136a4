namespace HwLab.Native.Topology;

/// <summary>What a cache holds, as /sys (cache/indexN/type) and CPUID (leaf 4 type field) name it.</summary>
public enum CacheType
{
    Data = 1,
    Instruction = 2,
    Unified = 3,
}
