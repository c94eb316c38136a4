namespace HwLab.Native.Files;

/// <summary>
/// An exclusive advisory lock on a directory, held through a lock file inside it, so that two runs
/// never write into one results directory at once (one run's results would vanish, the files
/// could end up mixed, and the two would disturb each other's measurements). The holder writes its
/// process id into the file, for the error the second run prints. The lock file is left in place:
/// removing it on release would let a third run lock a new file while a second still waits on the
/// old one.
/// </summary>
public sealed partial class DirectoryLock : IDisposable
{
    public const string FileName = ".hwlab.lock";

    private readonly IDisposable _holder;

    private DirectoryLock(string directory, IDisposable holder)
    {
        Directory = directory;
        _holder = holder;
    }

    /// <summary>The locked directory.</summary>
    public string Directory { get; }

    /// <summary>Takes the lock of <paramref name="directory"/> (which must exist), without waiting.</summary>
    /// <exception cref="DirectoryInUseException">Another process holds it.</exception>
    /// <exception cref="IOException">The lock file cannot be created or is not a regular file.</exception>
    public static DirectoryLock Acquire(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string path = Path.Combine(directory, FileName);
        FileKind kind = FileKinds.Of(path);
        if (!FileKinds.IsReplaceable(kind))
        {
            throw new IOException($"{path} is {FileKindText.Describe(kind)}, not a lock file HwLab made");
        }
        IDisposable holder = OperatingSystem.IsWindows() ? AcquireWindows(directory, path) : AcquireUnix(directory, path);
        return new DirectoryLock(directory, holder);
    }

    /// <summary>Releases the lock (closing the lock file's descriptor).</summary>
    public void Dispose() => _holder.Dispose();

    private static DirectoryInUseException InUse(string directory, int? pid)
        => new(pid is int id ? $"{directory} is in use by pid {id}" : $"{directory} is in use by another process")
        {
            HolderProcessId = pid,
        };
}
