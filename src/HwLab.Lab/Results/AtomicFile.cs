namespace HwLab.Lab.Results;

/// <summary>
/// Writes a file so that readers see the old content or the new, never a torn one: the text
/// goes to a temporary file in the same directory, is flushed to disk, and is renamed over the
/// target (rename is atomic within a file system). A write that fails leaves the old file and
/// removes its temporary.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, writer => writer.Write(text));

    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
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
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
