using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;
using static HwLab.PagePool.Zones.AllocFlags;

namespace HwLab.PagePool.Tests.Reserve;

public sealed class WatermarkTests
{
    // mark 1000: ALLOC_HIGH takes half (500); then ALLOC_OOM a further half, or ALLOC_HARDER a further quarter.
    [Theory]
    [InlineData(ALLOC_WMARK_MIN, 1000)]
    [InlineData(ALLOC_HIGH, 500)]
    [InlineData(ALLOC_HARDER, 750)]
    [InlineData(ALLOC_OOM, 500)]
    [InlineData(ALLOC_HIGH | ALLOC_HARDER, 375)]
    [InlineData(ALLOC_HIGH | ALLOC_OOM, 250)]
    [InlineData(ALLOC_HARDER | ALLOC_OOM, 500)]
    [InlineData(ALLOC_HIGH | ALLOC_HARDER | ALLOC_OOM, 250)]
    [InlineData(ALLOC_CPUSET | ALLOC_HIGH, 500)]
    public void Reserve_access_compounds_as_the_kernel_computes_it(AllocFlags flags, long effectiveMin)
    {
        Assert.Equal(effectiveMin, ZoneWatermark.EffectiveMin(1000, flags));
        // The check is strict: exactly the adjusted min fails, one page more passes.
        Assert.False(ZoneWatermark.__zone_watermark_ok(effectiveMin, 0, 1000, flags));
        Assert.True(ZoneWatermark.__zone_watermark_ok(effectiveMin + 1, 0, 1000, flags));
    }

    [Theory]
    [InlineData(7, ALLOC_HIGH, 4)]                  // 7 - 7/2 = 4 (integer division, as in C)
    [InlineData(7, ALLOC_HARDER, 6)]                // 7 - 7/4 = 6
    [InlineData(7, ALLOC_HIGH | ALLOC_HARDER, 3)]   // 4 - 4/4 = 3
    [InlineData(7, ALLOC_HIGH | ALLOC_OOM, 2)]      // 4 - 4/2 = 2
    [InlineData(1, ALLOC_HIGH | ALLOC_OOM, 1)]      // 1 - 0 = 1, then 1 - 0 = 1
    public void Integer_division_rounds_toward_the_caller_as_in_C(long mark, AllocFlags flags, long effectiveMin)
    {
        Assert.Equal(effectiveMin, ZoneWatermark.EffectiveMin(mark, flags));
    }

    [Fact]
    public void Callers_without_harder_or_oom_also_leave_the_high_atomic_reserve_alone()
    {
        // free 1100 against min 1000 with 200 reserved for high-order atomics: 900 usable, fails.
        Assert.False(ZoneWatermark.__zone_watermark_ok(1100, 0, 1000, ALLOC_WMARK_MIN, nrReservedHighatomic: 200));
        Assert.True(ZoneWatermark.__zone_watermark_ok(1100, 0, 1000, ALLOC_HARDER, nrReservedHighatomic: 200));
        Assert.True(ZoneWatermark.__zone_watermark_ok(1100, 0, 1000, ALLOC_OOM, nrReservedHighatomic: 200));
        // An order-2 block needs its 3 extra pages on top.
        Assert.False(ZoneWatermark.__zone_watermark_ok(1003, 2, 1000, ALLOC_WMARK_MIN));
        Assert.True(ZoneWatermark.__zone_watermark_ok(1004, 2, 1000, ALLOC_WMARK_MIN));
    }

    [Fact]
    public void Gfp_masks_translate_to_the_slow_paths_flags_as_4_2_does()
    {
        Assert.Equal(ALLOC_WMARK_MIN | ALLOC_CPUSET, ZoneWatermark.gfp_to_alloc_flags(Gfp.GFP_KERNEL));
        Assert.Equal(ALLOC_WMARK_MIN | ALLOC_CPUSET, ZoneWatermark.gfp_to_alloc_flags(Gfp.GFP_NOFS));
        // 4.2's GFP_ATOMIC is __GFP_HIGH alone: without __GFP_WAIT it is atomic, gets ALLOC_HARDER and skips the cpuset check.
        AllocFlags atomic = ZoneWatermark.gfp_to_alloc_flags(Gfp.GFP_ATOMIC);
        Assert.Equal(ALLOC_WMARK_MIN | ALLOC_HIGH | ALLOC_HARDER, atomic);
        // GFP_ATOMIC reaches 3/8 of min.
        Assert.Equal(375, ZoneWatermark.EffectiveMin(1000, atomic));
        Assert.Equal(0u, (uint)(Gfp.GFP_NOFS & Gfp.__GFP_FS));
        Assert.False(ZoneWatermark.IsAtomic(Gfp.GFP_NOFS));
        Assert.False(ZoneWatermark.IsAtomic(Gfp.__GFP_NO_KSWAPD));
    }

    [Fact]
    public void The_mode_XFS_logs_is_0x250_with_4_2s_gfp_bits()
    {
        // include/linux/gfp.h at 4.2: ___GFP_WAIT 0x10, ___GFP_IO 0x40, ___GFP_FS 0x80, ___GFP_NOWARN 0x200.
        Assert.Equal((0x10u, 0x40u, 0x80u, 0x200u), ((uint)Gfp.__GFP_WAIT, (uint)Gfp.__GFP_IO, (uint)Gfp.__GFP_FS, (uint)Gfp.__GFP_NOWARN));
        // xfs_buf_allocate_memory: xb_to_gfp = GFP_NOFS | __GFP_NOWARN.
        Assert.Equal(0x250u, (uint)(Gfp.GFP_NOFS | Gfp.__GFP_NOWARN));
        // kmem_alloc(KM_NOFS): GFP_KERNEL | __GFP_NOWARN less __GFP_FS.
        Assert.Equal(0x250u, (uint)((Gfp.GFP_KERNEL | Gfp.__GFP_NOWARN) & ~Gfp.__GFP_FS));
        Assert.Equal(0x250u, (uint)XfsRetryLoop.NofsMask);
    }

    [Fact]
    public void Flags_read_as_the_kernel_spells_them()
    {
        Assert.Equal("ALLOC_WMARK_MIN | ALLOC_NO_WATERMARKS | ALLOC_CPUSET", AllocFlagsText.Of(ALLOC_WMARK_MIN | ALLOC_CPUSET | ALLOC_NO_WATERMARKS));
        Assert.Equal("ALLOC_WMARK_MIN | ALLOC_OOM", AllocFlagsText.Of(ALLOC_OOM));
        Assert.Equal("ALLOC_WMARK_LOW | ALLOC_HIGH", AllocFlagsText.Of(ALLOC_WMARK_LOW | ALLOC_HIGH));
    }

    [Fact]
    public void Watermarks_follow_the_kernels_formula()
    {
        // 4096 pages, min_free_kbytes 1024: min 256; the step is max(256/4, 4096*10/10000) = 64.
        Assert.Equal(new Watermarks(256, 320, 384), Watermarks.Compute(4096, 1024));
        // A large zone: the scale factor's 0.1% wins over min/4.
        Assert.Equal(new Watermarks(256, 256 + 1048, 256 + 2096), Watermarks.Compute(1_048_576, 1024));
        Assert.Equal(new Watermarks(256, 256 + 10485, 256 + 20970), Watermarks.Compute(1_048_576, 1024, watermarkScaleFactor: 100));
    }

    [Fact]
    public void The_source_documents_DMA32_zone_has_the_low_watermark_of_its_log()
    {
        // "Node 0 DMA32 ... min:44652kB low:55812kB high:66976kB ... managed:1774196kB" (4.2, before the scale factor).
        Watermarks marks = Watermarks.Compute(1_774_196 / 4, 44_652);
        Assert.Equal(55_812, marks.Low * 4);
        // 4.2 computed high as min + min/2; since 4.6 it is min + 2 * (min/4), one page lower here.
        Assert.Equal(66_976 - 4, marks.High * 4);
    }
}
