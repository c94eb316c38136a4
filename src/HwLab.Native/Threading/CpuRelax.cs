using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace HwLab.Native.Threading;

/// <summary>
/// The kernel's cpu_relax(): one <c>pause</c> on x86 (X86Base.Pause), one <c>yield</c> on arm64,
/// inside every spin loop. It tells the core this is a wait, so a sibling hyperthread gets the
/// pipeline and the loop's exit does not pay a memory-order mis-speculation flush.
/// </summary>
public static class CpuRelax
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Relax()
    {
        if (X86Base.IsSupported)
        {
            X86Base.Pause();
        }
        else if (ArmBase.IsSupported)
        {
            ArmBase.Yield();
        }
        else
        {
            // Portable fallback: the runtime's own spin-wait hint (a pause-like instruction where it knows one).
            Thread.SpinWait(1);
        }
    }
}
