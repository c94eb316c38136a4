namespace HwLab.Native.Tests;

/// <summary>Finds the repository root from the test binaries, for tests that read source files.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string FindRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "HwLab.sln")))
            {
                return dir;
            }
        }
        throw new InvalidOperationException($"HwLab.sln was not found above {AppContext.BaseDirectory}.");
    }
}
