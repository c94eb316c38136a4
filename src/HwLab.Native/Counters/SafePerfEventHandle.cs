using System.Runtime.InteropServices;

namespace HwLab.Native.Counters;

/// <summary>
/// A perf_event_open file descriptor. 0 is a valid fd, so only -1 is invalid; the SafeHandle
/// reference count makes ReleaseHandle run once, after the last read that holds the handle.
/// </summary>
internal sealed class SafePerfEventHandle : SafeHandle
{
    internal SafePerfEventHandle(int fd)
        : base(invalidHandleValue: -1, ownsHandle: true) => SetHandle(fd);

    public override bool IsInvalid => handle == -1;

    internal int Fd => (int)handle;

    protected override bool ReleaseHandle()
        // Linux releases the fd even when close reports EINTR, so a retry could close a reused fd.
        => Mono.Unix.Native.Syscall.close((int)handle) == 0;
}
