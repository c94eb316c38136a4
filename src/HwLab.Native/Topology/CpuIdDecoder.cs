using System.Text;

namespace HwLab.Native.Topology;

/// <summary>
/// Decodes recorded CPUID registers. Pure: it reads registers only, so it is tested on leaves
/// captured from real and described processors.
/// </summary>
public static class CpuIdDecoder
{
    /// <summary>The decoded summary, or null when leaf 0 was not recorded (no CPUID on this machine).</summary>
    public static CpuIdSummary? Decode(IReadOnlyDictionary<CpuIdLeaf, CpuIdRegisters> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (!leaves.TryGetValue(new CpuIdLeaf(CpuIdLeaves.Vendor, 0), out CpuIdRegisters leaf0))
        {
            return null;
        }
        string vendor = DecodeVendor(leaf0);

        bool hasLeaf1 = leaves.TryGetValue(new CpuIdLeaf(CpuIdLeaves.Signature, 0), out CpuIdRegisters leaf1);
        (int family, int model, int stepping) = hasLeaf1 ? DecodeSignature(leaf1.Eax) : (0, 0, 0);
        bool hypervisorBit = hasLeaf1 && CpuIdLeaves.IsBitSet(leaf1.Ecx, CpuIdLeaves.HypervisorBit);

        // Leaf 0x40000000 means something only when the hypervisor bit is set; on bare metal Intel
        // answers it with the highest basic leaf's data.
        string? hypervisorVendor = hypervisorBit && leaves.TryGetValue(new CpuIdLeaf(CpuIdLeaves.HypervisorVendor, 0), out CpuIdRegisters hv)
            ? DecodeHypervisorVendor(hv)
            : null;

        uint maxExtended = leaves.TryGetValue(new CpuIdLeaf(CpuIdLeaves.MaxExtended, 0), out CpuIdRegisters ext) && ext.Eax >= CpuIdLeaves.MaxExtended
            ? ext.Eax
            : 0;

        uint cacheLeaf = CpuIdLeaves.IsAmdLike(vendor) ? CpuIdLeaves.AmdCaches : CpuIdLeaves.IntelCaches;
        List<CpuIdCache> caches = DecodeCaches(leaves, cacheLeaf);

        return new CpuIdSummary
        {
            Vendor = vendor,
            MaxBasicLeaf = leaf0.Eax,
            MaxExtendedLeaf = maxExtended,
            Brand = DecodeBrand(leaves),
            Family = family,
            Model = model,
            Stepping = stepping,
            HypervisorBit = hypervisorBit,
            HypervisorVendor = hypervisorVendor,
            ClflushLineSize = hasLeaf1 ? DecodeClflushLineSize(leaf1.Ebx) : 0,
            CacheLeaf = caches.Count > 0 ? cacheLeaf : 0,
            Caches = caches,
        };
    }

    /// <summary>Leaf 0: the vendor string is EBX, EDX, ECX in that order ("Genu" "ineI" "ntel").</summary>
    internal static string DecodeVendor(CpuIdRegisters leaf0) => RegisterText(leaf0.Ebx, leaf0.Edx, leaf0.Ecx);

    /// <summary>Leaf 0x40000000: the signature is EBX, ECX, EDX ("KVMK" "VMKV" "M\0\0\0").</summary>
    internal static string DecodeHypervisorVendor(CpuIdRegisters leaf) => RegisterText(leaf.Ebx, leaf.Ecx, leaf.Edx);

    /// <summary>
    /// Leaf 1 EAX, the processor signature:
    /// <code>
    /// 31..28 | 27..20     | 19..16    | 15..14 | 13..12 | 11..8  | 7..4  | 3..0
    /// rsvd   | ext family | ext model | rsvd   | type   | family | model | stepping
    /// </code>
    /// The extended family counts only when the base family is 0xF; the extended model only for
    /// families 6 and 0xF (Intel SDM, AMD APM: "display family/model").
    /// </summary>
    internal static (int Family, int Model, int Stepping) DecodeSignature(uint eax)
    {
        int stepping = (int)(eax & 0xF);
        int baseModel = (int)((eax >> 4) & 0xF);
        int baseFamily = (int)((eax >> 8) & 0xF);
        int extendedModel = (int)((eax >> 16) & 0xF);
        int extendedFamily = (int)((eax >> 20) & 0xFF);

        int family = baseFamily == 0xF ? baseFamily + extendedFamily : baseFamily;
        int model = baseFamily is 0x6 or 0xF ? (extendedModel << 4) + baseModel : baseModel;
        return (family, model, stepping);
    }

    /// <summary>
    /// Leaf 1 EBX:
    /// <code>
    /// 31..24          | 23..16                 | 15..8                 | 7..0
    /// initial APIC id | max logical processors | CLFLUSH line size / 8 | brand index
    /// </code>
    /// </summary>
    internal static int DecodeClflushLineSize(uint ebx) => (int)((ebx >> 8) & 0xFF) * 8;

    /// <summary>
    /// One subleaf of leaf 4 (Intel) or 0x8000001D (AMD, same layout in the fields read here), or null
    /// for type 0 (no more caches) and reserved types.
    /// <code>
    /// EAX: 31..26            | 25..14              | 13..10 | 9           | 8         | 7..5  | 4..0
    ///      cores/package - 1 | threads sharing - 1 | rsvd   | fully assoc | self init | level | type
    ///      (Intel only)
    /// EBX: 31..22   | 21..12         | 11..0
    ///      ways - 1 | partitions - 1 | line size - 1
    /// ECX: sets - 1
    /// </code>
    /// </summary>
    internal static CpuIdCache? DecodeCache(CpuIdRegisters registers)
    {
        CacheType type;
        switch (CpuIdLeaves.CacheTypeField(registers))
        {
            case 1:
                type = CacheType.Data;
                break;
            case 2:
                type = CacheType.Instruction;
                break;
            case 3:
                type = CacheType.Unified;
                break;
            default:
                return null;
        }

        int level = (int)((registers.Eax >> 5) & 0x7);
        int threadsSharing = (int)((registers.Eax >> 14) & 0xFFF) + 1;
        int lineSize = (int)(registers.Ebx & 0xFFF) + 1;
        int partitions = (int)((registers.Ebx >> 12) & 0x3FF) + 1;
        int ways = (int)((registers.Ebx >> 22) & 0x3FF) + 1;
        // ECX is the full 32 bits of sets - 1; widen before adding so 0xFFFFFFFF cannot wrap.
        long sets = (long)registers.Ecx + 1;
        long size = (long)ways * partitions * lineSize * sets;
        return new CpuIdCache(level, type, lineSize, ways, partitions, (int)Math.Min(sets, int.MaxValue), size, threadsSharing);
    }

    private static List<CpuIdCache> DecodeCaches(IReadOnlyDictionary<CpuIdLeaf, CpuIdRegisters> leaves, uint leaf)
    {
        var caches = new List<CpuIdCache>();
        for (uint subleaf = 0; leaves.TryGetValue(new CpuIdLeaf(leaf, subleaf), out CpuIdRegisters registers); subleaf++)
        {
            CpuIdCache? cache = DecodeCache(registers);
            if (cache is null)
            {
                break;
            }
            caches.Add(cache);
        }
        return caches;
    }

    /// <summary>Leaves 0x80000002-4: 48 bytes of text, EAX EBX ECX EDX of each, NUL padded.</summary>
    private static string? DecodeBrand(IReadOnlyDictionary<CpuIdLeaf, CpuIdRegisters> leaves)
    {
        var registers = new List<uint>();
        for (uint leaf = CpuIdLeaves.BrandFirst; leaf <= CpuIdLeaves.BrandLast; leaf++)
        {
            if (!leaves.TryGetValue(new CpuIdLeaf(leaf, 0), out CpuIdRegisters r))
            {
                return null;
            }
            registers.AddRange([r.Eax, r.Ebx, r.Ecx, r.Edx]);
        }
        // Older Intel parts right-justify the brand with leading spaces.
        string brand = RegisterText([.. registers]).Trim();
        return brand.Length > 0 ? brand : null;
    }

    // Registers hold ASCII little endian: the low byte is the first character. The text ends at
    // the first NUL.
    private static string RegisterText(params uint[] registers)
    {
        var text = new StringBuilder(registers.Length * 4);
        foreach (uint register in registers)
        {
            for (int shift = 0; shift < 32; shift += 8)
            {
                char c = (char)((register >> shift) & 0xFF);
                if (c == '\0')
                {
                    return text.ToString();
                }
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
