namespace HwLab.Layout;

/// <summary>The generations of struct swap_cluster_info HwLab reproduces, by what they are.</summary>
public enum ClusterLayout
{
    /// <summary>Up to 4.10: data:24 + flags:8, 4 bytes, no lock of its own.</summary>
    Bitfield4,

    /// <summary>The seed patch: one unsigned long, the lock in bit 2, 8 bytes.</summary>
    Seed8,

    /// <summary>Merged in 4.11: spinlock_t + data:24 + flags:8, 8 bytes.</summary>
    Spinlock8,

    /// <summary>6.12: spinlock_t, u16 count, u8 flags, u8 order, list_head, 24 bytes.</summary>
    List24,

    /// <summary>2025 swap table: the 6.12 form plus a table pointer, 32 bytes.</summary>
    Table32,

    /// <summary>A control: the seed's word padded to a 64-byte line.</summary>
    Padded64,
}
