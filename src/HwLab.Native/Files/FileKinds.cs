namespace HwLab.Native.Files;

/// <summary>
/// What is at a path before HwLab writes there. Results are written by renaming a temporary file
/// over the target, which would silently turn a device node, a FIFO or a symbolic link into a
/// regular file; so every write target is checked first, and only an absent path or a regular
/// file is ever replaced.
/// </summary>
public static partial class FileKinds
{
    /// <summary>The kind of <paramref name="path"/> itself (a symbolic link is not followed).</summary>
    /// <exception cref="IOException">The path cannot be examined (a parent is not searchable, say).</exception>
    public static FileKind Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return OperatingSystem.IsWindows() ? OfWindows(path) : OfUnix(path);
    }

    /// <summary>The kind of what <paramref name="path"/> finally names, following symbolic links.</summary>
    public static FileKind OfTarget(string path)
    {
        FileKind kind = Of(path);
        if (kind != FileKind.SymbolicLink)
        {
            return kind;
        }
        FileSystemInfo? target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
        return target is null || !target.Exists && !Directory.Exists(target.FullName) ? FileKind.Absent : Of(target.FullName);
    }

    /// <summary>Whether a write may replace what is at <paramref name="path"/>: nothing, or a regular file.</summary>
    public static bool IsReplaceable(FileKind kind) => kind is FileKind.Absent or FileKind.RegularFile;

    private static FileKind OfWindows(string path)
    {
        FileAttributes attributes;
        try
        {
            attributes = File.GetAttributes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return FileKind.Absent;
        }
        return attributes.HasFlag(FileAttributes.ReparsePoint) ? FileKind.SymbolicLink
            : attributes.HasFlag(FileAttributes.Directory) ? FileKind.Directory
            : attributes.HasFlag(FileAttributes.Device) ? FileKind.CharacterDevice
            : FileKind.RegularFile;
    }
}
