namespace HwLab.PagePool.Zones;

/// <summary>ALLOC_* flags as the kernel source spells them: "ALLOC_WMARK_MIN | ALLOC_CPUSET | ALLOC_NO_WATERMARKS".</summary>
public static class AllocFlagsText
{
    private static readonly AllocFlags[] s_bits =
    [
        AllocFlags.ALLOC_NO_WATERMARKS, AllocFlags.ALLOC_OOM, AllocFlags.ALLOC_HARDER, AllocFlags.ALLOC_HIGH, AllocFlags.ALLOC_CPUSET,
    ];

    public static string Of(AllocFlags flags)
    {
        string mark = (flags & AllocFlags.ALLOC_WMARK_MASK) switch
        {
            AllocFlags.ALLOC_WMARK_LOW => nameof(AllocFlags.ALLOC_WMARK_LOW),
            AllocFlags.ALLOC_WMARK_HIGH => nameof(AllocFlags.ALLOC_WMARK_HIGH),
            _ => nameof(AllocFlags.ALLOC_WMARK_MIN),
        };
        return string.Join(" | ", s_bits.Where(b => (flags & b) != 0).Select(b => b.ToString()).Prepend(mark));
    }
}
