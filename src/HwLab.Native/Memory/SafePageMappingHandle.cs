using Microsoft.Win32.SafeHandles;

namespace HwLab.Native.Memory;

/// <summary>
/// Owns one native mapping (guard pages included) and releases it exactly once: munmap on Unix,
/// VirtualFree on Windows. SafeHandle's reference counting keeps a release from racing a use.
/// </summary>
internal sealed partial class SafePageMappingHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private int _releaseCount;

    public SafePageMappingHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Bytes in the whole mapping, guard pages included.</summary>
    public nuint Length { get; private set; }

    /// <summary>How many times the mapping was released: 0 while live, then 1, never more.</summary>
    public int ReleaseCount => Volatile.Read(ref _releaseCount);

    internal void SetMapping(nint address, nuint length)
    {
        Length = length;
        SetHandle(address);
    }

    protected override bool ReleaseHandle()
    {
        Interlocked.Increment(ref _releaseCount);
        return OperatingSystem.IsWindows() ? ReleaseMappingWindows(handle) : ReleaseMappingUnix(handle, Length);
    }
}
