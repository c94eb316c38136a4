using System.Runtime.Versioning;

namespace HwLab.Native.Memory;

internal sealed partial class SafePageMappingHandle
{
    [SupportedOSPlatform("windows")]
    private static unsafe bool ReleaseMappingWindows(nint address)
        => Interop.Kernel32.VirtualFree((void*)address, 0, Interop.Kernel32.MEM_RELEASE) != 0;
}
