using System.Runtime.CompilerServices;

namespace HwLab.Layout.Locks;

/// <summary>
/// The kernel's bit_spin_lock() in C#: one bit of a 64-bit word in native memory is the lock, the
/// other bits stay data its holder may change with plain stores (as the seed patch's setters do,
/// always masking the lock bit back in).
/// </summary>
/// <remarks>
/// <see cref="Lock"/> and <see cref="Unlock"/> are the default, the fastest of the shapes below that
/// keeps the kernel's semantics (docs/performance.md has them measured side by side; the choice is
/// recorded there). The others stay for comparison: <c>hwlab run locks --kinds</c> and
/// <c>hwlab run falseshare --impls</c> run them on the same layout.
/// <para>
/// What the JIT emits (x64, .NET 10, asserted by JitCodegenTests): <see cref="Interlocked.Or(ref ulong, ulong)"/>
/// whose result is used has no single x86 instruction (there is no fetch-or; the kernel's
/// <c>lock bts</c> returns one bit in CF, which the JIT does not pattern-match), so it becomes a
/// <c>mov</c> + <c>lock cmpxchg</c> retry loop; <see cref="Interlocked.CompareExchange(ref ulong, ulong, ulong)"/>
/// is one <c>lock cmpxchg</c>; <see cref="Interlocked.And(ref ulong, ulong)"/> whose result is unused
/// is one <c>lock and</c>. No managed call emits <c>lock bts</c>. The native form is in
/// <see cref="NativeClusterBitLock"/>.
/// </para>
/// </remarks>
public static class BitSpinLock
{
    /// <summary>
    /// The default acquire, the kernel's shape with test_and_set_bit() as <see cref="Interlocked.Or(ref ulong, ulong)"/>:
    /// a load and a <c>lock cmpxchg</c> loop, then a read-only spin with one pause per look while the bit is set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lock(ref ulong word, int bit) => BitSpinLockShapes<InterlockedWord>.LockOr(ref word, 1UL << bit);

    /// <summary>Test-and-set with one compare-and-swap of the word read just before, bit clear against bit set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LockCompareExchange(ref ulong word, int bit) => BitSpinLockShapes<InterlockedWord>.LockCompareExchange(ref word, 1UL << bit);

    /// <summary>
    /// The same lock, acquired so that a line owned by another core crosses once, not twice: the
    /// word is fetched with <c>lock xadd</c> of 0 (which takes the line exclusive and returns its
    /// value), then the bit is set with <c>lock cmpxchg</c> on the line now held locally.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LockFetchFirst(ref ulong word, int bit) => BitSpinLockShapes<InterlockedWord>.LockFetchFirst(ref word, 1UL << bit);

    /// <summary>Test-and-set with <see cref="Interlocked.Or(ref ulong, ulong)"/> and exponential backoff while the bit is set; not the kernel's spin.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LockBackoff(ref ulong word, int bit) => BitSpinLockShapes<InterlockedWord>.LockBackoff(ref word, 1UL << bit);

    /// <summary>Takes the lock if it is free; never waits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryLock(ref ulong word, int bit) => BitSpinLockShapes<InterlockedWord>.TryLock(ref word, 1UL << bit);

    /// <summary>bit_spin_unlock(): clears the bit atomically (<c>lock and</c>), whatever else writes the word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unlock(ref ulong word, int bit) => BitSpinLockShapes<InterlockedWord>.Unlock(ref word, 1UL << bit);

    /// <summary>
    /// __bit_spin_unlock(): clears the bit with a plain release store of the holder's word. Valid
    /// only where nothing writes the word without holding the lock; an atomic update of another
    /// bit that lands between the holder's read and its store is lost.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UnlockNonAtomic(ref ulong word, int bit) => Volatile.Write(ref word, word & ~(1UL << bit));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLocked(ref ulong word, int bit) => (Volatile.Read(ref word) & (1UL << bit)) != 0;
}
