using HwLab.Native.Files;

namespace HwLab.Lab.Results;

/// <summary>
/// A directory HwLab is about to write files into (a results directory, a fleet's): created if
/// needed, proven writable and locked, and every file to be written checked to be absent or a
/// regular file, all before any work starts.
/// </summary>
public static class WritableDirectory
{
    /// <param name="path">The directory as the user named it; messages name it so.</param>
    /// <param name="fileNames">The files that will be written in it.</param>
    /// <returns>The lock, held until disposed; its <see cref="DirectoryLock.Directory"/> is the full path.</returns>
    /// <exception cref="DirectoryInUseException">Another run holds the directory.</exception>
    /// <exception cref="IOException">It cannot be created, written or locked, or a file in it must not be replaced; the message says why.</exception>
    public static DirectoryLock Lock(string path, IEnumerable<string> fileNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(fileNames);
        string full = Path.GetFullPath(path);
        FileKind kind = FileKinds.OfTarget(full);
        if (kind is not (FileKind.Absent or FileKind.Directory))
        {
            throw new IOException($"{path} is {FileKindText.Describe(kind)}, not a directory");
        }
        try
        {
            Directory.CreateDirectory(full);
            string probe = Path.Combine(full, $".hwlab-write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"{path} is not writable ({e.Message})", e);
        }

        DirectoryLock directoryLock = DirectoryLock.Acquire(full);
        try
        {
            foreach (string name in fileNames)
            {
                AtomicFile.EnsureReplaceable(Path.Combine(full, name));
            }
        }
        catch
        {
            directoryLock.Dispose();
            throw;
        }
        return directoryLock;
    }
}
