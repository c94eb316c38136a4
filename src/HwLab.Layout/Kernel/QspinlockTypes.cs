namespace HwLab.Layout.Kernel;

/// <summary>
/// The queued spinlock's word layout under the kernel's names (include/asm-generic/qspinlock_types.h,
/// read at 4.19.20; NR_CPUS &lt; 16K, the form every x86_64 configuration builds), the constants
/// kernel/locking/qspinlock.c adds, and its tail encoding. Checked against the compiled C
/// (native-layout/include/qspinlock_types.h) by the layout probe.
/// </summary>
/// <remarks>
/// <code>
/// 31 .............. 18 | 17 .. 16 | 15 ...... 9 | 8       | 7 ............ 0
/// tail CPU + 1         | tail idx | unused      | pending | locked byte
/// \_______________ tail: u16 ______/ \__________ locked_pending: u16 ________/
/// </code>
/// The locked byte is 1 while the lock is held; its holder releases with a byte store of 0. The
/// pending field is the whole second byte (only bit 8 is set) so that a pending waiter takes over
/// with one 16-bit store. The tail names the last queued waiter's node as (CPU + 1, nesting
/// index), 0 meaning no queue.
/// </remarks>
public static class QspinlockTypes
{
    public const int _Q_LOCKED_OFFSET = 0;
    public const int _Q_LOCKED_BITS = 8;
    public const uint _Q_LOCKED_MASK = ((1u << _Q_LOCKED_BITS) - 1) << _Q_LOCKED_OFFSET;

    public const int _Q_PENDING_OFFSET = _Q_LOCKED_OFFSET + _Q_LOCKED_BITS;
    public const int _Q_PENDING_BITS = 8;
    public const uint _Q_PENDING_MASK = ((1u << _Q_PENDING_BITS) - 1) << _Q_PENDING_OFFSET;

    public const int _Q_TAIL_IDX_OFFSET = _Q_PENDING_OFFSET + _Q_PENDING_BITS;
    public const int _Q_TAIL_IDX_BITS = 2;
    public const uint _Q_TAIL_IDX_MASK = ((1u << _Q_TAIL_IDX_BITS) - 1) << _Q_TAIL_IDX_OFFSET;

    public const int _Q_TAIL_CPU_OFFSET = _Q_TAIL_IDX_OFFSET + _Q_TAIL_IDX_BITS;
    public const int _Q_TAIL_CPU_BITS = 32 - _Q_TAIL_CPU_OFFSET;
    public const uint _Q_TAIL_CPU_MASK = ((1u << _Q_TAIL_CPU_BITS) - 1) << _Q_TAIL_CPU_OFFSET;

    public const int _Q_TAIL_OFFSET = _Q_TAIL_IDX_OFFSET;
    public const uint _Q_TAIL_MASK = _Q_TAIL_IDX_MASK | _Q_TAIL_CPU_MASK;

    public const uint _Q_LOCKED_VAL = 1u << _Q_LOCKED_OFFSET;
    public const uint _Q_PENDING_VAL = 1u << _Q_PENDING_OFFSET;

    /// <summary>qspinlock.c: the bits a queue head waits to see clear before it takes the lock.</summary>
    public const uint _Q_LOCKED_PENDING_MASK = _Q_LOCKED_MASK | _Q_PENDING_MASK;

    /// <summary>
    /// Reads a waiter spends on a word that is exactly pending (a take-over in flight) before it
    /// queues: x86's value (arch/x86/include/asm/qspinlock.h); the generic one is 1.
    /// </summary>
    public const int _Q_PENDING_LOOPS = 1 << 9;

    /// <summary>Queue nodes per CPU: one per context that can nest a spin_lock slow path (task, softirq, hardirq, NMI).</summary>
    public const int MAX_NODES = 4;

    /// <summary>CPUs a tail can name: the CPU is stored plus one in <see cref="_Q_TAIL_CPU_BITS"/> bits.</summary>
    public const int MaxTailCpus = (1 << _Q_TAIL_CPU_BITS) - 1;

    /// <summary>qspinlock.c's encode_tail(): node <paramref name="idx"/> of <paramref name="cpu"/> as a tail code.</summary>
    public static uint encode_tail(int cpu, int idx)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cpu);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cpu, MaxTailCpus);
        ArgumentOutOfRangeException.ThrowIfNegative(idx);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(idx, MAX_NODES);
        return EncodeTailUnchecked(cpu, idx);
    }

    /// <summary>The CPU a tail code names (decode_tail()'s first half); -1 for the empty tail.</summary>
    public static int TailCpu(uint val) => (int)(val >> _Q_TAIL_CPU_OFFSET) - 1;

    /// <summary>The nesting index a tail code names (decode_tail()'s second half).</summary>
    public static int TailIdx(uint val) => (int)((val & _Q_TAIL_IDX_MASK) >> _Q_TAIL_IDX_OFFSET);

    // The lock's slow path has checked both when its thread was attached and its node taken.
    internal static uint EncodeTailUnchecked(int cpu, int idx) => ((uint)(cpu + 1) << _Q_TAIL_CPU_OFFSET) | ((uint)idx << _Q_TAIL_IDX_OFFSET);
}
