using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>A topology capture given with --from (made by `hwlab topology --capture`): read, parsed, and bad content turned into a usage error.</summary>
internal static class CaptureFile
{
    /// <exception cref="UsageException">The file is missing, unreadable, or not a capture.</exception>
    public static SysfsSnapshot Snapshot(string path, string option)
    {
        string text = CliPaths.ReadExistingFile(path, option);
        return Parse(path, option, () => SysfsSnapshot.Parse(text));
    }

    /// <exception cref="UsageException">The file is missing, unreadable, or not a capture of a machine HwLab can read.</exception>
    public static CpuTopology Topology(string path, string option)
    {
        SysfsSnapshot snapshot = Snapshot(path, option);
        return Parse(path, option, () => TopologyParser.Parse(snapshot));
    }

    // Bad capture content, in its text or in what it says about the machine, is bad input.
    public static T Parse<T>(string path, string option, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            throw new UsageException($"{option} {path}: not a topology capture ({e.Message})", e);
        }
    }
}
