using HwLab.Lab.Results;

namespace HwLab.Cli.Tests;

/// <summary>Results directories for the report and compare commands, made from the captured quick-suite results.</summary>
internal static class ResultsFixtures
{
    public static string CapturedPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "results", "quick-2vcpu-kvm.json");

    public static ResultsDocument Captured() => ResultsJson.Deserialize(File.ReadAllText(CapturedPath), "fixture");

    /// <summary>Writes <paramref name="document"/> as DIR/results.json under <paramref name="temp"/> and returns DIR.</summary>
    public static string WriteDirectory(TempDirectory temp, string name, ResultsDocument document)
    {
        string dir = temp.File(name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, ResultsDirectory.ResultsFile), ResultsJson.Serialize(document));
        return dir;
    }
}
