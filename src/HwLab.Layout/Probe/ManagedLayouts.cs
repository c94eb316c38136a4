using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HwLab.Layout.Kernel;

namespace HwLab.Layout.Probe;

/// <summary>
/// The C# mirrors described the way the C probe describes the C structs: sizes, alignments and
/// offsets measured from the runtime's actual layout (Unsafe.SizeOf, byte offsets between refs),
/// bitfields from the masks the accessors use.
/// </summary>
public static class ManagedLayouts
{
    // Both lists are measured afresh on every read: they are read by the layout check alone, never
    // in a measured loop, and a describing method's error then shows in the check that reads it,
    // not in a type initializer that ran once, before anything could look at it.

    /// <summary>Every mirrored struct, in the order the C probe lists them.</summary>
    public static IReadOnlyList<StructDescription> All =>
    [
        Bitfield(),
        Seed(),
        Spinlock(),
        List(),
        Table(),
        Padded(),
        PercpuCluster(),
        ClusterList(),
        ListHead(),
        Qspinlock(),
        McsSpinlock(),
        QspinlockCpu(),
    ];

    /// <summary>The constants the C# code uses under their C names, for comparison with the probe's.</summary>
    public static IReadOnlyDictionary<string, long> Constants => new Dictionary<string, long>
    {
        [nameof(SwapCluster.SWAPFILE_CLUSTER)] = SwapCluster.SWAPFILE_CLUSTER,
        [nameof(SwapCluster.HPAGE_PMD_NR)] = SwapCluster.HPAGE_PMD_NR,
        [nameof(SwapCluster.CLUSTER_FLAG_FREE)] = SwapCluster.CLUSTER_FLAG_FREE,
        [nameof(SwapCluster.CLUSTER_FLAG_NEXT_NULL)] = SwapCluster.CLUSTER_FLAG_NEXT_NULL,
        [nameof(SwapCluster.CLUSTER_COUNT_SHIFT)] = SwapCluster.CLUSTER_COUNT_SHIFT,
        [nameof(SwapCluster.CLUSTER_FLAG_MASK)] = (long)SwapCluster.CLUSTER_FLAG_MASK,
        [nameof(SwapCluster.CLUSTER_FLAG_LOCK_BIT)] = SwapCluster.CLUSTER_FLAG_LOCK_BIT,
        [nameof(SwapCluster.CLUSTER_FLAG_LOCK)] = SwapCluster.CLUSTER_FLAG_LOCK,
        [nameof(QspinlockTypes._Q_LOCKED_OFFSET)] = QspinlockTypes._Q_LOCKED_OFFSET,
        [nameof(QspinlockTypes._Q_LOCKED_BITS)] = QspinlockTypes._Q_LOCKED_BITS,
        [nameof(QspinlockTypes._Q_LOCKED_MASK)] = QspinlockTypes._Q_LOCKED_MASK,
        [nameof(QspinlockTypes._Q_PENDING_OFFSET)] = QspinlockTypes._Q_PENDING_OFFSET,
        [nameof(QspinlockTypes._Q_PENDING_BITS)] = QspinlockTypes._Q_PENDING_BITS,
        [nameof(QspinlockTypes._Q_PENDING_MASK)] = QspinlockTypes._Q_PENDING_MASK,
        [nameof(QspinlockTypes._Q_TAIL_IDX_OFFSET)] = QspinlockTypes._Q_TAIL_IDX_OFFSET,
        [nameof(QspinlockTypes._Q_TAIL_IDX_BITS)] = QspinlockTypes._Q_TAIL_IDX_BITS,
        [nameof(QspinlockTypes._Q_TAIL_IDX_MASK)] = QspinlockTypes._Q_TAIL_IDX_MASK,
        [nameof(QspinlockTypes._Q_TAIL_CPU_OFFSET)] = QspinlockTypes._Q_TAIL_CPU_OFFSET,
        [nameof(QspinlockTypes._Q_TAIL_CPU_BITS)] = QspinlockTypes._Q_TAIL_CPU_BITS,
        [nameof(QspinlockTypes._Q_TAIL_CPU_MASK)] = QspinlockTypes._Q_TAIL_CPU_MASK,
        [nameof(QspinlockTypes._Q_TAIL_OFFSET)] = QspinlockTypes._Q_TAIL_OFFSET,
        [nameof(QspinlockTypes._Q_TAIL_MASK)] = QspinlockTypes._Q_TAIL_MASK,
        [nameof(QspinlockTypes._Q_LOCKED_VAL)] = QspinlockTypes._Q_LOCKED_VAL,
        [nameof(QspinlockTypes._Q_PENDING_VAL)] = QspinlockTypes._Q_PENDING_VAL,
        [nameof(QspinlockTypes._Q_LOCKED_PENDING_MASK)] = QspinlockTypes._Q_LOCKED_PENDING_MASK,
        [nameof(QspinlockTypes._Q_PENDING_LOOPS)] = QspinlockTypes._Q_PENDING_LOOPS,
        [nameof(QspinlockTypes.MAX_NODES)] = QspinlockTypes.MAX_NODES,
    };

    public static StructDescription Get(string name) => All.Single(s => s.Name == name);

    private static StructDescription Bitfield()
    {
        swap_cluster_info_bitfield s = default;
        int storage = Offset(ref s, ref s.bits);
        return Describe<swap_cluster_info_bitfield>(
            Bits("data", storage, sizeof(uint), swap_cluster_info_bitfield.DATA_SHIFT, swap_cluster_info_bitfield.DATA_BITS),
            Bits("flags", storage, sizeof(uint), swap_cluster_info_bitfield.FLAGS_SHIFT, swap_cluster_info_bitfield.FLAGS_BITS));
    }

    private static StructDescription Seed()
    {
        swap_cluster_info_seed s = default;
        return Describe<swap_cluster_info_seed>(Field(ref s, ref s.data, "data"));
    }

    private static StructDescription Spinlock()
    {
        swap_cluster_info_spinlock s = default;
        int storage = Offset(ref s, ref s.bits);
        return Describe<swap_cluster_info_spinlock>(
            Field(ref s, ref s.@lock, "lock"),
            Bits("data", storage, sizeof(uint), swap_cluster_info_bitfield.DATA_SHIFT, swap_cluster_info_bitfield.DATA_BITS),
            Bits("flags", storage, sizeof(uint), swap_cluster_info_bitfield.FLAGS_SHIFT, swap_cluster_info_bitfield.FLAGS_BITS));
    }

    private static StructDescription List()
    {
        swap_cluster_info_list s = default;
        return Describe<swap_cluster_info_list>(
            Field(ref s, ref s.@lock, "lock"),
            Field(ref s, ref s.count, "count"),
            Field(ref s, ref s.flags, "flags"),
            Field(ref s, ref s.order, "order"),
            Field(ref s, ref s.list, "list"));
    }

    private static StructDescription Table()
    {
        swap_cluster_info_table s = default;
        return Describe<swap_cluster_info_table>(
            Field(ref s, ref s.@lock, "lock"),
            Field(ref s, ref s.count, "count"),
            Field(ref s, ref s.flags, "flags"),
            Field(ref s, ref s.order, "order"),
            Field(ref s, ref s.table, "table"),
            Field(ref s, ref s.list, "list"));
    }

    private static StructDescription Padded()
    {
        swap_cluster_info_padded s = default;
        return Describe<swap_cluster_info_padded>(Field(ref s, ref s.data, "data"), Field(ref s, ref s.pad, "pad"));
    }

    private static StructDescription PercpuCluster()
    {
        percpu_cluster s = default;
        return Describe<percpu_cluster>(Field(ref s, ref s.index, "index"), Field(ref s, ref s.next, "next"));
    }

    private static StructDescription ClusterList()
    {
        swap_cluster_list s = default;
        return Describe<swap_cluster_list>(Field(ref s, ref s.head, "head"), Field(ref s, ref s.tail, "tail"));
    }

    private static StructDescription ListHead()
    {
        list_head s = default;
        return Describe<list_head>(Field(ref s, ref s.next, "next"), Field(ref s, ref s.prev, "prev"));
    }

    private static StructDescription Qspinlock()
    {
        qspinlock s = default;
        return Describe<qspinlock>(
            Field(ref s, ref s.val, "val"),
            Field(ref s, ref s.locked, "locked"),
            Field(ref s, ref s.pending, "pending"),
            Field(ref s, ref s.locked_pending, "locked_pending"),
            Field(ref s, ref s.tail, "tail"));
    }

    private static unsafe StructDescription McsSpinlock()
    {
        mcs_spinlock s = default;
        // A pointer type cannot be a generic argument: the next pointer is measured as the nint it is.
        return Describe<mcs_spinlock>(
            Field(ref s, ref Unsafe.AsRef<nint>(&s.next), "next"),
            Field(ref s, ref s.locked, "locked"),
            Field(ref s, ref s.count, "count"));
    }

    private static StructDescription QspinlockCpu()
    {
        qspinlock_cpu s = default;
        return Describe<qspinlock_cpu>(
            Field(ref s, ref s.qnodes, "qnodes"),
            Field(ref s, ref s.lock_pending, "lock_pending"),
            Field(ref s, ref s.lock_slowpath, "lock_slowpath"));
    }

    private static StructDescription Describe<T>(params FieldDescription[] fields)
        where T : unmanaged
        => new(typeof(T).Name, Unsafe.SizeOf<T>(), AlignOf<T>(), fields);

    private static FieldDescription Field<TStruct, TField>(ref TStruct s, ref TField field, string name)
        where TField : unmanaged
        => new(name, Offset(ref s, ref field), Unsafe.SizeOf<TField>());

    private static FieldDescription Bits(string name, int storageOffset, int storageSize, int shift, int width)
        => new(name, storageOffset, storageSize, (storageOffset * 8) + shift, width);

    private static int Offset<TStruct, TField>(ref TStruct s, ref TField field)
        => (int)Unsafe.ByteOffset(ref Unsafe.As<TStruct, byte>(ref s), ref Unsafe.As<TField, byte>(ref field));

    // The runtime places a T after a byte at T's alignment, as C does.
    private static int AlignOf<T>()
        where T : unmanaged
    {
        AlignProbe<T> probe = default;
        return (int)Unsafe.ByteOffset(ref probe.Before, ref Unsafe.As<T, byte>(ref probe.Value));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct AlignProbe<T>
        where T : unmanaged
    {
        public byte Before;
        public T Value;
    }
}
