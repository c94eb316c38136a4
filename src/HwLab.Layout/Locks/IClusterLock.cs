namespace HwLab.Layout.Locks;

/// <summary>
/// A lock that lives inside a cluster struct, at its start. Implemented by structs so that code
/// generic over <c>TLock : struct, IClusterLock</c> is compiled once per lock and inlines it.
/// </summary>
public unsafe interface IClusterLock
{
    /// <summary>A short name for reports: bitlock, native-bitlock, ticket, qspinlock, native-qspinlock.</summary>
    static abstract string Name { get; }

    /// <summary>Bytes of the cluster the lock word occupies from the cluster's start.</summary>
    static abstract int WordSize { get; }

    static abstract void Lock(void* cluster);

    static abstract bool TryLock(void* cluster);

    static abstract void Unlock(void* cluster);

    static abstract bool IsLocked(void* cluster);
}
