using System.Runtime.Intrinsics.X86;

namespace HwLab.Native.Topology;

/// <summary>
/// Executes the CPUID leaves <see cref="CpuIdDecoder"/> needs and records their registers. It runs
/// on whichever CPU the calling thread happens to be on; the leaves read here are the same on every
/// core of a non-hybrid processor.
/// </summary>
public static class CpuIdReader
{
    /// <summary>The recorded leaves; empty where the processor has no CPUID instruction (not x86).</summary>
    public static IReadOnlyDictionary<CpuIdLeaf, CpuIdRegisters> Read()
        => X86Base.IsSupported ? Record(Execute) : new Dictionary<CpuIdLeaf, CpuIdRegisters>();

    /// <summary>
    /// Chooses the leaves to execute from the answers of earlier ones (the highest leaf, the vendor,
    /// the hypervisor bit), so that it never asks for a leaf the processor does not define: an
    /// undefined leaf returns another leaf's data on Intel, not zeros.
    /// </summary>
    internal static SortedDictionary<CpuIdLeaf, CpuIdRegisters> Record(Func<uint, uint, CpuIdRegisters> cpuid)
    {
        var leaves = new SortedDictionary<CpuIdLeaf, CpuIdRegisters>();
        CpuIdRegisters Run(uint leaf, uint subleaf = 0)
        {
            CpuIdRegisters registers = cpuid(leaf, subleaf);
            leaves[new CpuIdLeaf(leaf, subleaf)] = registers;
            return registers;
        }

        CpuIdRegisters leaf0 = Run(CpuIdLeaves.Vendor);
        uint maxBasic = leaf0.Eax;
        string vendor = CpuIdDecoder.DecodeVendor(leaf0);
        bool amdLike = CpuIdLeaves.IsAmdLike(vendor);

        if (maxBasic >= CpuIdLeaves.Signature)
        {
            CpuIdRegisters leaf1 = Run(CpuIdLeaves.Signature);
            if (CpuIdLeaves.IsBitSet(leaf1.Ecx, CpuIdLeaves.HypervisorBit))
            {
                Run(CpuIdLeaves.HypervisorVendor);
            }
        }
        if (maxBasic >= CpuIdLeaves.IntelCaches && !amdLike)
        {
            RunCacheSubleaves(CpuIdLeaves.IntelCaches, Run);
        }

        uint maxExtended = Run(CpuIdLeaves.MaxExtended).Eax;
        if (maxExtended < CpuIdLeaves.MaxExtended)
        {
            // No extended leaves at all: EAX held something else.
            return leaves;
        }
        CpuIdRegisters features = maxExtended >= CpuIdLeaves.ExtendedFeatures ? Run(CpuIdLeaves.ExtendedFeatures) : default;
        if (maxExtended >= CpuIdLeaves.BrandLast)
        {
            for (uint leaf = CpuIdLeaves.BrandFirst; leaf <= CpuIdLeaves.BrandLast; leaf++)
            {
                Run(leaf);
            }
        }
        if (amdLike && maxExtended >= CpuIdLeaves.AmdCaches && CpuIdLeaves.IsBitSet(features.Ecx, CpuIdLeaves.TopologyExtensionsBit))
        {
            RunCacheSubleaves(CpuIdLeaves.AmdCaches, Run);
        }
        return leaves;
    }

    // Subleaves 0, 1, 2... until the type field says there are no more caches; the terminating
    // subleaf is recorded too, so a capture shows where the list ended.
    private static void RunCacheSubleaves(uint leaf, Func<uint, uint, CpuIdRegisters> run)
    {
        for (uint subleaf = 0; subleaf < CpuIdLeaves.MaxCacheSubleaves; subleaf++)
        {
            if (CpuIdLeaves.CacheTypeField(run(leaf, subleaf)) == 0)
            {
                return;
            }
        }
    }

    private static CpuIdRegisters Execute(uint leaf, uint subleaf)
    {
        (int eax, int ebx, int ecx, int edx) = X86Base.CpuId(unchecked((int)leaf), unchecked((int)subleaf));
        return new CpuIdRegisters(unchecked((uint)eax), unchecked((uint)ebx), unchecked((uint)ecx), unchecked((uint)edx));
    }
}
