namespace HwLab.Native.Files;

/// <summary>What a path names, as lstat(2) sees it: a symbolic link is reported as itself, not followed.</summary>
public enum FileKind
{
    Absent,
    RegularFile,
    Directory,
    SymbolicLink,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Other,
}

/// <summary>Words for a <see cref="FileKind"/> in error messages.</summary>
public static class FileKindText
{
    /// <summary>"a character device", "a FIFO"... as in "PATH is a character device".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Absent => "absent",
        FileKind.RegularFile => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a FIFO",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };
}
