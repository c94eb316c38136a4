namespace HwLab.PagePool.Swap;

/// <summary>
/// The values of si->swap_map, one byte per slot (include/linux/swap.h): the low bits count the
/// references to the slot, SWAP_HAS_CACHE says the swap cache holds its page.
/// </summary>
public static class SwapMap
{
    /// <summary>Flag: page is in swap cache.</summary>
    public const byte SWAP_HAS_CACHE = 0x40;

    /// <summary>Flag: swap count continued (not modelled: counts stop at SWAP_MAP_MAX).</summary>
    public const byte COUNT_CONTINUED = 0x80;

    /// <summary>Max duplication count, in first swap_map.</summary>
    public const byte SWAP_MAP_MAX = 0x3e;

    /// <summary>Note page_swapcount's use of ~SWAP_HAS_CACHE: a bad slot (slot 0 holds the swap header).</summary>
    public const byte SWAP_MAP_BAD = 0x3f;

    /// <summary>Owned by shmem/tmpfs.</summary>
    public const byte SWAP_MAP_SHMEM = 0xbf;

    /// <summary>swap_count(): the references without the cache flag.</summary>
    public static byte swap_count(byte ent) => (byte)(ent & ~SWAP_HAS_CACHE);
}
