using System.Runtime.Versioning;
using Mono.Unix.Native;

namespace HwLab.Native.Files;

public static partial class FileKinds
{
    [UnsupportedOSPlatform("windows")]
    private static FileKind OfUnix(string path)
    {
        if (Syscall.lstat(path, out Stat stat) != 0)
        {
            Errno errno = Stdlib.GetLastError();
            // ENOTDIR: a parent is a file, so nothing can be at the path; the caller's create fails with its own message.
            return errno is Errno.ENOENT or Errno.ENOTDIR
                ? FileKind.Absent
                : throw new IOException($"{path}: {Interop.DescribeError(NativeConvert.FromErrno(errno))}");
        }
        return (stat.st_mode & FilePermissions.S_IFMT) switch
        {
            FilePermissions.S_IFREG => FileKind.RegularFile,
            FilePermissions.S_IFDIR => FileKind.Directory,
            FilePermissions.S_IFLNK => FileKind.SymbolicLink,
            FilePermissions.S_IFCHR => FileKind.CharacterDevice,
            FilePermissions.S_IFBLK => FileKind.BlockDevice,
            FilePermissions.S_IFIFO => FileKind.Fifo,
            FilePermissions.S_IFSOCK => FileKind.Socket,
            _ => FileKind.Other,
        };
    }
}
