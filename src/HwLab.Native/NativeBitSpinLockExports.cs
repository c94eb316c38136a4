using System.Runtime.InteropServices;

namespace HwLab.Native;

/// <summary>
/// Function pointers to the kernel-style bit spinlock in libhwlab_native (native-layout/src/bit_spinlock.c):
/// <c>lock bts</c> to acquire, a plain read with <c>pause</c> to wait, an atomic clear to release.
/// </summary>
/// <remarks>
/// Lock goes through a normal GC transition: it may spin for as long as another thread holds the
/// lock, and a thread spinning in cooperative mode would stall every garbage collection (and
/// deadlock with a holder the GC has suspended). TryLock and Unlock never wait, so they skip the
/// transition (SuppressGCTransition) and cost a plain indirect call.
/// </remarks>
public static unsafe class NativeBitSpinLockExports
{
    private static readonly nint s_library = NativeLibrary.Load(Interop.Libraries.HwLabNative, typeof(NativeBitSpinLockExports).Assembly, null);

    /// <summary>hwlab_bit_spin_lock(unsigned long *addr, int bitnum).</summary>
    public static delegate* unmanaged<ulong*, int, void> Lock { get; } =
        (delegate* unmanaged<ulong*, int, void>)NativeLibrary.GetExport(s_library, "hwlab_bit_spin_lock");

    /// <summary>hwlab_bit_spin_trylock(unsigned long *addr, int bitnum): 1 when it took the lock.</summary>
    public static delegate* unmanaged[SuppressGCTransition]<ulong*, int, int> TryLock { get; } =
        (delegate* unmanaged[SuppressGCTransition]<ulong*, int, int>)NativeLibrary.GetExport(s_library, "hwlab_bit_spin_trylock");

    /// <summary>hwlab_bit_spin_unlock(unsigned long *addr, int bitnum).</summary>
    public static delegate* unmanaged[SuppressGCTransition]<ulong*, int, void> Unlock { get; } =
        (delegate* unmanaged[SuppressGCTransition]<ulong*, int, void>)NativeLibrary.GetExport(s_library, "hwlab_bit_spin_unlock");
}
