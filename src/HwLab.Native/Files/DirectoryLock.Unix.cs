using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using Mono.Unix.Native;

namespace HwLab.Native.Files;

public sealed partial class DirectoryLock
{
    [UnsupportedOSPlatform("windows")]
    private static SafeLockFileHandle AcquireUnix(string directory, string path)
    {
        // O_NOFOLLOW: a symbolic link planted as the lock file is refused, never written through.
        int fd = Syscall.open(
            path,
            OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_NOFOLLOW | OpenFlags.O_CLOEXEC,
            FilePermissions.S_IRUSR | FilePermissions.S_IWUSR | FilePermissions.S_IRGRP | FilePermissions.S_IROTH);
        if (fd < 0)
        {
            int errno = Marshal.GetLastSystemError();
            throw new IOException($"cannot open the lock file {path}: {Interop.DescribeError(errno)}");
        }
        var handle = new SafeLockFileHandle(fd);
        try
        {
            if (Interop.Libc.Flock(handle, Interop.Libc.LOCK_EX | Interop.Libc.LOCK_NB) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (NativeConvert.ToErrno(errno) == Errno.EWOULDBLOCK)
                {
                    throw InUse(directory, ReadHolder(handle));
                }
                throw new IOException($"cannot lock {path}: {Interop.DescribeError(errno)}");
            }
            WriteHolder(handle, Environment.ProcessId);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static int? ReadHolder(SafeLockFileHandle handle)
    {
        var buffer = new byte[32];
        long read;
        unsafe
        {
            fixed (byte* bytes = buffer)
            {
                read = Syscall.pread(handle.Fd, bytes, (ulong)buffer.Length, 0);
            }
        }
        return read > 0 && int.TryParse(Encoding.ASCII.GetString(buffer, 0, (int)read).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
            ? pid
            : null;
    }

    [UnsupportedOSPlatform("windows")]
    private static void WriteHolder(SafeLockFileHandle handle, int pid)
    {
        byte[] text = Encoding.ASCII.GetBytes(pid.ToString(CultureInfo.InvariantCulture) + "\n");
        // The pid only helps the error message; a failure to record it does not matter.
        if (Syscall.ftruncate(handle.Fd, 0) == 0)
        {
            unsafe
            {
                fixed (byte* bytes = text)
                {
                    _ = Syscall.pwrite(handle.Fd, bytes, (ulong)text.Length, 0);
                }
            }
        }
    }
}
