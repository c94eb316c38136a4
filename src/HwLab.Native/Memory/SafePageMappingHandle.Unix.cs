using System.Runtime.Versioning;
using Mono.Unix.Native;

namespace HwLab.Native.Memory;

internal sealed partial class SafePageMappingHandle
{
    [UnsupportedOSPlatform("windows")]
    private static bool ReleaseMappingUnix(nint address, nuint length) => Syscall.munmap(address, length) == 0;
}
