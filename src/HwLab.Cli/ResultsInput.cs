using HwLab.Lab.Results;

namespace HwLab.Cli;

/// <summary>A results document named on the command line: a results directory or a results.json file.</summary>
internal sealed record ResultsInput(string Source, string Directory, ResultsDocument Document)
{
    /// <exception cref="UsageException">The path does not exist, holds no results.json, or is not a results document of this schema
    /// (ResultsJson validates it before anything reads it, so a command that gets a document may trust every figure in it).</exception>
    public static ResultsInput Read(string path)
    {
        CliPaths.Require(path, "results");
        string full = Path.GetFullPath(path);
        string file = System.IO.Directory.Exists(full) ? Path.Combine(full, ResultsDirectory.ResultsFile) : full;
        if (!File.Exists(file))
        {
            // One line whatever the path holds: the error is the first and only line on stderr.
            throw new UsageException(OneLineText.Of(System.IO.Directory.Exists(full)
                ? $"{path}: no {ResultsDirectory.ResultsFile} in this directory (made by hwlab suite or hwlab run --out)"
                : $"{path}: no such file or directory"));
        }

        string json = CliPaths.ReadExistingFile(file, "results");
        try
        {
            return new ResultsInput(path, Path.GetDirectoryName(file)!, ResultsJson.Deserialize(json, path));
        }
        catch (ResultsFormatException e)
        {
            throw new UsageException(e.Message, e);
        }
    }
}
