namespace HwLab.Native.Topology;

/// <summary>
/// What the recorded CPUID leaves say about the processor, decoded by <see cref="CpuIdDecoder"/>.
/// Values the leaves do not hold are null, 0 or empty.
/// </summary>
public sealed record CpuIdSummary
{
    /// <summary>Leaf 0's vendor string: GenuineIntel, AuthenticAMD, HygonGenuine...</summary>
    public required string Vendor { get; init; }

    /// <summary>The highest basic leaf (leaf 0 EAX).</summary>
    public required uint MaxBasicLeaf { get; init; }

    /// <summary>The highest extended leaf (leaf 0x80000000 EAX), or 0 when it was not recorded.</summary>
    public required uint MaxExtendedLeaf { get; init; }

    /// <summary>The brand string of leaves 0x80000002-4, trimmed; null when not recorded.</summary>
    public required string? Brand { get; init; }

    /// <summary>The display family (base family plus extended family when the base is 0xF).</summary>
    public required int Family { get; init; }

    /// <summary>The display model (extended model above the base model for families 6 and 0xF).</summary>
    public required int Model { get; init; }

    public required int Stepping { get; init; }

    /// <summary>Leaf 1 ECX bit 31, which hypervisors set and real processors leave clear.</summary>
    public required bool HypervisorBit { get; init; }

    /// <summary>The hypervisor's signature from leaf 0x40000000 (KVMKVMKVM, Microsoft Hv, VMwareVMware...), or null.</summary>
    public required string? HypervisorVendor { get; init; }

    /// <summary>The CLFLUSH line size in bytes (leaf 1 EBX bits 15:8 × 8), or 0 when not reported.</summary>
    public required int ClflushLineSize { get; init; }

    /// <summary>The leaf the caches were decoded from (4 or 0x8000001D), or 0 when none was recorded.</summary>
    public required uint CacheLeaf { get; init; }

    /// <summary>The caches of the core the leaves ran on, in subleaf order.</summary>
    public required IReadOnlyList<CpuIdCache> Caches { get; init; }
}
