using HwLab.Native.Files;

namespace HwLab.Cli;

/// <summary>Checks paths named on the command line before any work starts, so bad ones fail fast with exit code 2.</summary>
internal static class CliPaths
{
    /// <summary>Throws a <see cref="UsageException"/> when a path given to <paramref name="option"/> is empty or only blanks.</summary>
    public static string Require(string? path, string option)
        => string.IsNullOrWhiteSpace(path) ? throw new UsageException($"{option}: the path is empty; name a file or directory") : path;

    /// <summary>
    /// Throws a <see cref="UsageException"/> unless a file can be created at <paramref name="path"/>,
    /// or a regular file is there to be replaced. A device node, FIFO, socket, directory or symbolic
    /// link is refused: the atomic write renames over its target and would destroy it.
    /// </summary>
    public static void EnsureWritableFile(string path, string option)
    {
        Require(path, option);
        string fullPath = Path.GetFullPath(path);
        FileKind kind = FileKinds.Of(fullPath);
        if (!FileKinds.IsReplaceable(kind))
        {
            string hint = kind == FileKind.Directory ? "name a file" : "HwLab writes only to a new or regular file";
            throw new UsageException($"{option} {path}: is {FileKindText.Describe(kind)}; {hint}");
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
        Require(path, option);
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
