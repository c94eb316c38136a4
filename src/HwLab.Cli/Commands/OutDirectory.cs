using HwLab.Lab.Results;
using HwLab.Native.Files;

namespace HwLab.Cli.Commands;

/// <summary>A results directory named on the command line, prepared (created, proven writable and locked) before any work, or a usage error.</summary>
internal static class OutDirectory
{
    /// <param name="option">How the user named it, for the error: --out, or the command's argument.</param>
    public static ResultsDirectory Prepare(string path, string option = "--out") => Prepare(path, ResultsDirectory.Prepare, option);

    /// <summary>An output directory of another kind (a fleet's), prepared by <paramref name="prepare"/>, with the same errors.</summary>
    public static T Prepare<T>(string path, Func<string, T> prepare, string option = "--out")
    {
        ArgumentNullException.ThrowIfNull(prepare);
        CliPaths.Require(path, option);
        try
        {
            return prepare(path);
        }
        catch (DirectoryInUseException e)
        {
            throw new UsageException($"{e.Message} (another hwlab is writing results there; wait for it or choose another directory)", e);
        }
        catch (IOException e)
        {
            throw new UsageException($"{option} {path}: {e.Message}", e);
        }
    }
}
