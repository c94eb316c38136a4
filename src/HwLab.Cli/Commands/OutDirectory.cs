using HwLab.Lab.Results;
using HwLab.Native.Files;

namespace HwLab.Cli.Commands;

/// <summary>A results directory named on the command line, prepared (created, proven writable and locked) before any work, or a usage error.</summary>
internal static class OutDirectory
{
    /// <param name="option">How the user named it, for the error: --out, or the command's argument.</param>
    public static ResultsDirectory Prepare(string path, string option = "--out")
    {
        CliPaths.Require(path, option);
        try
        {
            return ResultsDirectory.Prepare(path);
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
