using HwLab.Native.Files;

namespace HwLab.Lab.Results;

/// <summary>A path HwLab was asked to write is something it must not replace: a device, a FIFO, a socket, a directory or a symbolic link.</summary>
public sealed class UnsafeWriteTargetException : IOException
{
    public UnsafeWriteTargetException()
    {
    }

    public UnsafeWriteTargetException(string message)
        : base(message)
    {
    }

    public UnsafeWriteTargetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnsafeWriteTargetException(string path, FileKind kind)
        : base($"{path} is {FileKindText.Describe(kind)}; HwLab writes only to a new or regular file")
    {
        Path = path;
        Kind = kind;
    }

    public string? Path { get; }

    public FileKind Kind { get; }
}
