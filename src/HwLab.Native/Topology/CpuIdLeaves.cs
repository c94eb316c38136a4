namespace HwLab.Native.Topology;

/// <summary>The CPUID leaf numbers and register bits the reader and decoder share.</summary>
internal static class CpuIdLeaves
{
    public const uint Vendor = 0x0;
    public const uint Signature = 0x1;
    public const uint IntelCaches = 0x4;
    public const uint HypervisorVendor = 0x40000000;
    public const uint MaxExtended = 0x80000000;
    public const uint ExtendedFeatures = 0x80000001;
    public const uint BrandFirst = 0x80000002;
    public const uint BrandLast = 0x80000004;
    public const uint AmdCaches = 0x8000001D;

    // Leaf 1 ECX bit 31: "hypervisor present", reserved (0) on real processors.
    public const int HypervisorBit = 31;

    // Leaf 0x80000001 ECX bit 22: TopologyExtensions, without which AMD's leaf 0x8000001D is absent.
    public const int TopologyExtensionsBit = 22;

    // A cache leaf has a handful of subleaves; a hypervisor that never reports type 0 must not loop forever.
    public const uint MaxCacheSubleaves = 16;

    /// <summary>AMD and its licensee Hygon describe caches in 0x8000001D and leave leaf 4 reserved.</summary>
    public static bool IsAmdLike(string vendor) => vendor is "AuthenticAMD" or "HygonGenuine";

    /// <summary>Leaf 4 / 0x8000001D EAX bits 4:0: 0 = no more caches, 1 = data, 2 = instruction, 3 = unified.</summary>
    public static uint CacheTypeField(CpuIdRegisters registers) => registers.Eax & 0x1F;

    public static bool IsBitSet(uint register, int bit) => ((register >> bit) & 1) != 0;
}
