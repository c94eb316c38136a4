namespace HwLab.Native.Files;

/// <summary>Another process holds the lock of a directory HwLab wants to write results to.</summary>
public sealed class DirectoryInUseException : IOException
{
    public DirectoryInUseException()
    {
    }

    public DirectoryInUseException(string message)
        : base(message)
    {
    }

    public DirectoryInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The holder's process id as it wrote it in the lock file; null when unreadable.</summary>
    public int? HolderProcessId { get; init; }
}
