namespace HwLab.Cli;

/// <summary>
/// Writes a file so that readers see the old content or the new, never a torn one: the text
/// goes to a temporary file in the same directory, is flushed to disk, and is renamed over the
/// target (rename is atomic within a file system).
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(text);
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
