using System.Runtime.InteropServices;

namespace HwLab.Native.Files;

/// <summary>
/// The file descriptor of a results directory's lock file. Closing it releases the flock, so the
/// SafeHandle's single release is also the single unlock, even when the owner is never disposed.
/// </summary>
public sealed class SafeLockFileHandle : SafeHandle
{
    // For the LibraryImport marshaller.
    public SafeLockFileHandle()
        : base(invalidHandleValue: -1, ownsHandle: true)
    {
    }

    internal SafeLockFileHandle(int fd)
        : this() => SetHandle(fd);

    public override bool IsInvalid => handle == -1;

    internal int Fd => (int)handle;

    protected override bool ReleaseHandle()
        // Linux releases the fd even when close reports EINTR, so a retry could close a reused fd.
        => Mono.Unix.Native.Syscall.close((int)handle) == 0;
}
