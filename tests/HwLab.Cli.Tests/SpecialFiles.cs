using Mono.Unix.Native;
using HwLab.Native.Files;

namespace HwLab.Cli.Tests;

/// <summary>Device nodes, FIFOs and symbolic links to aim HwLab's writes at, made as the real thing.</summary>
internal static class SpecialFiles
{
    /// <summary>A character device with /dev/null's numbers (1, 3); skips the test where mknod is not permitted (no CAP_MKNOD).</summary>
    public static string NullDevice(string path)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "device nodes are made with Linux mknod");
        // glibc's makedev(1, 3): the major number in bits 8-19, the minor in bits 0-7.
        const ulong device = (1 << 8) | 3;
        if (Syscall.mknod(path, FilePermissions.S_IFCHR | FilePermissions.DEFFILEMODE, device) != 0)
        {
            Assert.Skip($"mknod is not permitted here ({Stdlib.GetLastError()}): making a device node needs CAP_MKNOD");
        }
        return path;
    }

    public static string Fifo(string path)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are made with mkfifo");
        Assert.Equal(0, Syscall.mkfifo(path, FilePermissions.DEFFILEMODE));
        return path;
    }

    public static string Symlink(string path, string target)
    {
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>What is at <paramref name="path"/> now, and for a device its numbers, to prove it was left as it was.</summary>
    public static string Describe(string path)
    {
        FileKind kind = FileKinds.Of(path);
        if (kind is FileKind.CharacterDevice or FileKind.BlockDevice && Syscall.lstat(path, out Stat stat) == 0)
        {
            return $"{kind} rdev {stat.st_rdev}";
        }
        return kind == FileKind.SymbolicLink ? $"{kind} -> {new FileInfo(path).LinkTarget}" : kind.ToString();
    }
}
