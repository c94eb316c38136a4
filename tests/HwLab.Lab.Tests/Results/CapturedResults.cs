using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Results;

/// <summary>The results fixtures under Fixtures/results, read through the same parser as `hwlab report` and `hwlab compare`.</summary>
internal static class CapturedResults
{
    public const string QuickKvm = "quick-2vcpu-kvm.json";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "results", name);

    public static ResultsDocument Load(string name = QuickKvm) => ResultsJson.Deserialize(File.ReadAllText(PathOf(name)), name);
}
