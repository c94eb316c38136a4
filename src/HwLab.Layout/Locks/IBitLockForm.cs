namespace HwLab.Layout.Locks;

/// <summary>
/// One way to take and release a bit of a 64-bit word as a spinlock: a pair of
/// <see cref="BitSpinLock"/>'s forms, named for reports. Implemented by structs, so
/// <see cref="ClusterBitLock{TForm}"/> is compiled once per form and inlines it.
/// </summary>
public interface IBitLockForm
{
    /// <summary>The lock kind's name in reports.</summary>
    static abstract string Name { get; }

    static abstract void Lock(ref ulong word, int bit);

    static abstract void Unlock(ref ulong word, int bit);
}
