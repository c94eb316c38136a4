using HwLab.Native.Files;

namespace HwLab.Lab.Results;

/// <summary>
/// Writes a file so that readers see the old content or the new, never a torn one: the text
/// goes to a temporary file in the same directory, is flushed to disk, and is renamed over the
/// target (rename is atomic within a file system). A write that fails leaves the old file and
/// removes its temporary. Only an absent path or a regular file is replaced: a rename would turn
/// a device node, a FIFO or a symbolic link into a plain file, destroying what the user had there.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, writer => writer.Write(text));

    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        EnsureReplaceable(fullPath);
        // Unique per write, so concurrent writers never share a temporary file.
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            // Checked again just before the rename: the first check was before the write, which takes time.
            EnsureReplaceable(fullPath);
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <exception cref="IOException"><paramref name="path"/> is neither absent nor a regular file.</exception>
    public static void EnsureReplaceable(string path)
    {
        FileKind kind = FileKinds.Of(path);
        if (!FileKinds.IsReplaceable(kind))
        {
            throw new UnsafeWriteTargetException(path, kind);
        }
    }
}
