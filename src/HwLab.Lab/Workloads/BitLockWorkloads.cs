using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;

namespace HwLab.Lab.Workloads;

/// <summary>Workers bumping seed-form clusters' counts under each form of the bit lock.</summary>
internal static class BitLockWorkloads
{
    /// <param name="clusterOf">Worker i works on cluster clusterOf[i].</param>
    /// <param name="stride">Bytes from one cluster to the next; 0 packs them.</param>
    public static IClusterWorkload Create(BitLockForm form, int[] clusterOf, int stride) => form switch
    {
        BitLockForm.Managed => new ClusterLockWorkload<swap_cluster_info_seed, ClusterBitLock>(clusterOf, stride),
        BitLockForm.ManagedCompareExchange => new ClusterLockWorkload<swap_cluster_info_seed, ClusterBitLock<BitLockForms.CompareExchange>>(clusterOf, stride),
        BitLockForm.ManagedFetchFirst => new ClusterLockWorkload<swap_cluster_info_seed, ClusterBitLock<BitLockForms.FetchFirst>>(clusterOf, stride),
        BitLockForm.ManagedBackoff => new ClusterLockWorkload<swap_cluster_info_seed, ClusterBitLock<BitLockForms.Backoff>>(clusterOf, stride),
        BitLockForm.ManagedNonAtomicRelease => new ClusterLockWorkload<swap_cluster_info_seed, ClusterBitLock<BitLockForms.NonAtomicRelease>>(clusterOf, stride),
        BitLockForm.Native => new NativeClusterLockWorkload(clusterOf, stride),
        BitLockForm.NativeV4_10 => new NativeClusterLockWorkload(clusterOf, stride, asV4_10: true),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    /// <summary>What a form runs, for a report's notes.</summary>
    public static string Describe(BitLockForm form) => form switch
    {
        BitLockForm.Managed => "BitSpinLock's default, the seed's bit 2 taken with Interlocked.Or (compiled to a load and a lock cmpxchg loop) and released with Interlocked.And (lock and)",
        BitLockForm.ManagedCompareExchange => "taken with a read and one Interlocked.CompareExchange (lock cmpxchg), released with lock and",
        BitLockForm.ManagedFetchFirst => "taken with lock xadd 0 (the line fetched for writing) then lock cmpxchg, released with lock and",
        BitLockForm.ManagedBackoff => "the default with exponential backoff, 1 to 256 pauses between looks while the bit is set (the kernel pauses once per look)",
        BitLockForm.ManagedNonAtomicRelease => "the default acquire, released with a plain store as __bit_spin_unlock() does (valid only while every writer of the word holds the lock; the seed releases atomically)",
        BitLockForm.Native => "the kernel's bit_spin_lock from C (lock btsq, pause, lock andq) in a loop of libhwlab_native, one call per batch",
        BitLockForm.NativeV4_10 => "the same C loop with the widths v4.10's x86 bitops.h assembles for the constant lock bit (lock btsl, lock andb)",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    /// <summary>One note naming what each of <paramref name="names"/> runs.</summary>
    public static string Describe(IEnumerable<string> names, IReadOnlyDictionary<string, BitLockForm> forms)
        => string.Join(" ", names.Distinct().Where(forms.ContainsKey).Select(name => $"{name}: {Describe(forms[name])}."));
}
