using HwLab.Layout;

namespace HwLab.PagePool.Swap;

/// <summary>How a <see cref="SwapDevice{TCluster, TLock}"/> is built.</summary>
public sealed record SwapDeviceOptions
{
    /// <summary>Bytes per slot: one page, copied in on swap-out and out on swap-in.</summary>
    public const int PageBytes = 4096;

    /// <summary>Slots (pages) of swap, slot 0 being the header; rounded up to whole clusters.</summary>
    public required long Slots { get; init; }

    /// <summary>SWAPFILE_CLUSTER: slots per cluster, a power of two.</summary>
    public int ClusterPages { get; init; } = Layout.Kernel.SwapCluster.SWAPFILE_CLUSTER;

    /// <summary>How many CPUs (workers) allocate, each with its own percpu_cluster.</summary>
    public required int Cpus { get; init; }

    public FreeClusterOrder Order { get; init; } = FreeClusterOrder.Columns;

    /// <summary>How SWAP_CLUSTER_COLS is derived for <see cref="FreeClusterOrder.Columns"/>.</summary>
    public ClusterColumnRule ColumnRule { get; init; } = ClusterColumnRule.Seed;

    /// <summary>The cache line size SWAP_CLUSTER_COLS and same-line picks are computed with (measured on the machine).</summary>
    public int LineSize { get; init; } = 64;

    /// <summary>How every spinlock_t of the device is taken: the queued spinlock of 4.2 on, or the older ticket lock.</summary>
    public SpinlockForm Spinlock { get; init; } = SpinlockForm.Queued;

    /// <summary>
    /// Seeds swapon's random start on a solid-state device, cluster_next = 1 + prandom_u32() %
    /// highest_bit: the same seed gives the same start on every reset, another seed another start.
    /// </summary>
    public int StartSeed { get; init; }

    /// <summary>Clusters after rounding <see cref="Slots"/> up.</summary>
    public long Clusters => (Slots + ClusterPages - 1) / ClusterPages;

    /// <exception cref="SwapDeviceConfigurationException">The options cannot make a working device; the message says which and why.</exception>
    public void Validate()
    {
        if (ClusterPages < 2 || ClusterPages > 32_768 || !int.IsPow2(ClusterPages))
        {
            throw new SwapDeviceConfigurationException($"A cluster must be a power of two from 2 to 32768 pages, not {ClusterPages}.");
        }
        if (Cpus < 1)
        {
            throw new SwapDeviceConfigurationException($"A swap device needs at least one CPU allocating from it, not {Cpus}.");
        }
        if (Clusters < Cpus + 1)
        {
            throw new SwapDeviceConfigurationException(
                $"A device of {Slots} slots has {Clusters} clusters of {ClusterPages}; {Cpus} workers need one each beyond the header's ({Cpus + 1} clusters, {(long)(Cpus + 1) * ClusterPages} slots).");
        }
        if (Clusters > (1 << 24) - 1)
        {
            throw new SwapDeviceConfigurationException($"{Clusters} clusters do not fit the 24-bit next field of the older generations.");
        }
        if (LineSize <= 0 || !int.IsPow2(LineSize))
        {
            throw new SwapDeviceConfigurationException($"A cache line is a power of two of bytes, not {LineSize}.");
        }
    }
}
