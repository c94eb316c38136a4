using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

public sealed class CpuIdDecoderTests
{
    [Fact]
    public void Kvm_guest_on_amd_epyc_is_decoded()
    {
        CpuIdSummary? cpuId = CpuIdDecoder.Decode(TopologyFixtures.Load(TopologyFixtures.Kvm).CpuIdLeaves);

        Assert.NotNull(cpuId);
        Assert.Equal("AuthenticAMD", cpuId.Vendor);
        Assert.Equal("AMD EPYC", cpuId.Brand);
        Assert.Equal(0x10u, cpuId.MaxBasicLeaf);
        Assert.Equal(0x80000022u, cpuId.MaxExtendedLeaf);
        // EAX 0x00b00f21: base family 0xF + extended family 0x0B = 0x1A (Zen 5), model 2, stepping 1.
        Assert.Equal(0x1A, cpuId.Family);
        Assert.Equal(2, cpuId.Model);
        Assert.Equal(1, cpuId.Stepping);
        Assert.True(cpuId.HypervisorBit);
        Assert.Equal("KVMKVMKVM", cpuId.HypervisorVendor);
        Assert.Equal(64, cpuId.ClflushLineSize);
        Assert.Equal(0x8000001Du, cpuId.CacheLeaf);
        Assert.Equal(
            [
                new CpuIdCache(1, CacheType.Data, 64, 12, 1, 64, 48 * 1024, 1),
                new CpuIdCache(1, CacheType.Instruction, 64, 8, 1, 64, 32 * 1024, 1),
                new CpuIdCache(2, CacheType.Unified, 64, 16, 1, 1024, 1024 * 1024, 1),
                new CpuIdCache(3, CacheType.Unified, 64, 16, 1, 32768, 32L * 1024 * 1024, 2),
            ],
            cpuId.Caches);
    }

    [Fact]
    public void Intel_xeon_leaf_4_caches_are_decoded()
    {
        CpuIdSummary? cpuId = CpuIdDecoder.Decode(TopologyFixtures.Load(TopologyFixtures.Xeon).CpuIdLeaves);

        Assert.NotNull(cpuId);
        Assert.Equal("GenuineIntel", cpuId.Vendor);
        Assert.Equal("Intel(R) Xeon(R) Platinum 8462Y+", cpuId.Brand);
        Assert.Equal(6, cpuId.Family);
        Assert.Equal(0x8F, cpuId.Model);
        Assert.Equal(8, cpuId.Stepping);
        Assert.False(cpuId.HypervisorBit);
        Assert.Null(cpuId.HypervisorVendor);
        Assert.Equal(4u, cpuId.CacheLeaf);
        Assert.Equal(
            [
                new CpuIdCache(1, CacheType.Data, 64, 12, 1, 64, 48 * 1024, 2),
                new CpuIdCache(1, CacheType.Instruction, 64, 8, 1, 64, 32 * 1024, 2),
                new CpuIdCache(2, CacheType.Unified, 64, 16, 1, 2048, 2048 * 1024, 2),
                new CpuIdCache(3, CacheType.Unified, 64, 15, 1, 65536, 61440L * 1024, 128),
            ],
            cpuId.Caches);
    }

    [Theory]
    [InlineData(0x00B00F21u, 0x1A, 0x02, 1)] // AMD Zen 5: extended family added to 0xF
    [InlineData(0x00A00F11u, 0x19, 0x01, 1)] // AMD Zen 3 EPYC
    [InlineData(0x000806F8u, 0x06, 0x8F, 8)] // Intel Sapphire Rapids: extended model used for family 6
    [InlineData(0x00000F29u, 0x0F, 0x02, 9)] // Pentium 4: family 0xF, extended family 0
    [InlineData(0x00010543u, 0x05, 0x04, 3)] // family 5: extended model bits are ignored
    public void Signature_follows_the_extended_family_and_model_rules(uint eax, int family, int model, int stepping)
    {
        Assert.Equal((family, model, stepping), CpuIdDecoder.DecodeSignature(eax));
    }

    [Theory]
    [InlineData(0x01020800u, 64)]
    [InlineData(0x00801000u, 128)]
    [InlineData(0x00000000u, 0)]
    public void Clflush_line_size_is_ebx_bits_15_to_8_times_8(uint ebx, int bytes)
    {
        Assert.Equal(bytes, CpuIdDecoder.DecodeClflushLineSize(ebx));
    }

    [Fact]
    public void Vendor_strings_are_read_in_register_order()
    {
        // Leaf 0 orders EBX, EDX, ECX; leaf 0x40000000 orders EBX, ECX, EDX.
        Assert.Equal("GenuineIntel", CpuIdDecoder.DecodeVendor(new CpuIdRegisters(0x20, 0x756e6547, 0x6c65746e, 0x49656e69)));
        Assert.Equal("Microsoft Hv", CpuIdDecoder.DecodeHypervisorVendor(new CpuIdRegisters(0x4000000B, 0x7263694D, 0x666F736F, 0x76482074)));
    }

    [Fact]
    public void Cache_subleaf_of_type_zero_ends_the_list()
    {
        Assert.Null(CpuIdDecoder.DecodeCache(new CpuIdRegisters(0, 0x03c0003f, 0x3f, 0)));
        CpuIdCache? partitioned = CpuIdDecoder.DecodeCache(new CpuIdRegisters(0x00000143, 0x03c0103f, 0x3ff, 0));
        Assert.NotNull(partitioned);
        // ways 16 x partitions 2 x line 64 x sets 1024.
        Assert.Equal(2, partitioned.Partitions);
        Assert.Equal(2L * 1024 * 1024, partitioned.SizeBytes);
    }

    [Fact]
    public void Hypervisor_leaf_is_ignored_when_the_hypervisor_bit_is_clear()
    {
        // On bare metal Intel answers leaf 0x40000000 with another leaf's data; it is no signature.
        var leaves = new Dictionary<CpuIdLeaf, CpuIdRegisters>
        {
            [new(0, 0)] = new(1, 0x756e6547, 0x6c65746e, 0x49656e69),
            [new(1, 0)] = new(0x000806F8, 0x00800800, 0x7FFEFBFF, 0xBFEBFBFF),
            [new(0x40000000, 0)] = new(0, 0x4b4d564b, 0x564b4d56, 0x4d),
        };

        CpuIdSummary? cpuId = CpuIdDecoder.Decode(leaves);

        Assert.NotNull(cpuId);
        Assert.False(cpuId.HypervisorBit);
        Assert.Null(cpuId.HypervisorVendor);
        Assert.Null(cpuId.Brand);
        Assert.Equal(0u, cpuId.MaxExtendedLeaf);
        Assert.Empty(cpuId.Caches);
    }

    [Fact]
    public void Nothing_is_decoded_without_leaf_0()
    {
        Assert.Null(CpuIdDecoder.Decode(new Dictionary<CpuIdLeaf, CpuIdRegisters>()));
    }

    [Theory]
    [InlineData(TopologyFixtures.Kvm)]
    [InlineData(TopologyFixtures.Xeon)]
    [InlineData(TopologyFixtures.Mismatch)]
    public void Reader_asks_for_exactly_the_recorded_leaves(string fixture)
    {
        // Replaying a capture through the reader's leaf selection must ask for the same leaves: the
        // vendor decides leaf 4 or 0x8000001D, the hypervisor bit decides 0x40000000.
        IReadOnlyDictionary<CpuIdLeaf, CpuIdRegisters> recorded = TopologyFixtures.Load(fixture).CpuIdLeaves;
        var asked = new List<CpuIdLeaf>();

        SortedDictionary<CpuIdLeaf, CpuIdRegisters> replayed = CpuIdReader.Record((leaf, subleaf) =>
        {
            asked.Add(new CpuIdLeaf(leaf, subleaf));
            return recorded[new CpuIdLeaf(leaf, subleaf)];
        });

        Assert.Equal(recorded.Keys.Order(), asked.Order());
        Assert.Equal(recorded, replayed);
    }

    [Fact]
    public void Live_leaves_decode_on_x86()
    {
        Assert.SkipUnless(System.Runtime.Intrinsics.X86.X86Base.IsSupported, "CPUID exists on x86 only.");

        CpuIdSummary? cpuId = CpuIdDecoder.Decode(CpuIdReader.Read());

        Assert.NotNull(cpuId);
        Assert.Matches("^(GenuineIntel|AuthenticAMD|HygonGenuine|CentaurHauls|  Shanghai  )$", cpuId.Vendor);
        Assert.True(cpuId.MaxBasicLeaf >= 1);
        Assert.Equal(64, cpuId.ClflushLineSize);
    }
}
