namespace HwLab.Cli;

/// <summary>Checks paths named on the command line before any work starts, so bad ones fail fast with exit code 2.</summary>
internal static class CliPaths
{
    /// <summary>Throws a <see cref="UsageException"/> unless a file can be created at <paramref name="path"/>.</summary>
    public static void EnsureWritableFile(string path, string option)
    {
        string fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new UsageException($"{option} {path}: is a directory; name a file");
        }
        string directory = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"{option} {path}: directory {directory} does not exist");
        }
        EnsureWritableDirectory(directory, option, path);
    }

    /// <summary>Throws a <see cref="UsageException"/> unless files can be created in <paramref name="directory"/>.</summary>
    public static void EnsureWritableDirectory(string directory, string option, string shownPath)
    {
        string probe = Path.Combine(directory, $".hwlab-write-test-{Environment.ProcessId}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {shownPath}: cannot write there ({e.Message})", e);
        }
    }

    /// <summary>Throws a <see cref="UsageException"/> unless <paramref name="path"/> is a readable file.</summary>
    public static string ReadExistingFile(string path, string option)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {path}: {e.Message}", e);
        }
    }
}
