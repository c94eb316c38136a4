using HwLab.Lab.Fleet;
using HwLab.Lab.Results;

namespace HwLab.Cli;

/// <summary>A directory named to `hwlab fleet` that holds a failure record (hwlab-failed.json) in place of results.</summary>
internal static class FleetFailureInput
{
    /// <summary>
    /// The failure recorded in the directory <paramref name="path"/>; null when it is no directory
    /// holding hwlab-failed.json, and so is read as results. The record wins over a results.json
    /// beside it: a deployment that failed part way may have left that one partial.
    /// </summary>
    /// <exception cref="UsageException">The record cannot be read or is not one of this schema; one line naming the file.</exception>
    public static FleetFailure? Read(string path)
    {
        string full = Path.GetFullPath(path);
        string file = Path.Combine(full, FleetFailureJson.FileName);
        if (!Directory.Exists(full) || !File.Exists(file))
        {
            return null;
        }
        string json = CliPaths.ReadExistingFile(file, "DIR");
        try
        {
            return FleetFailureJson.Read(json, Path.Combine(path, FleetFailureJson.FileName), path);
        }
        catch (ResultsFormatException e)
        {
            throw new UsageException(e.Message, e);
        }
    }
}
