using HwLab.Lab.Results;

namespace HwLab.Cli.Commands;

/// <summary>A results directory named on the command line, prepared (created and proven writable) before any work, or a usage error.</summary>
internal static class OutDirectory
{
    /// <param name="option">How the user named it, for the error: --out, or the command's argument.</param>
    public static ResultsDirectory Prepare(string path, string option = "--out")
    {
        try
        {
            return ResultsDirectory.Prepare(path);
        }
        catch (IOException e)
        {
            throw new UsageException($"{option} {path}: {e.Message}", e);
        }
    }
}
