using HwLab.Lab.Results;

namespace HwLab.Cli.Commands;

/// <summary>--out DIR, prepared (created and proven writable) before any measurement, or a usage error.</summary>
internal static class OutDirectory
{
    public static ResultsDirectory Prepare(string path)
    {
        try
        {
            return ResultsDirectory.Prepare(path);
        }
        catch (IOException e)
        {
            throw new UsageException($"--out {path}: {e.Message}", e);
        }
    }
}
