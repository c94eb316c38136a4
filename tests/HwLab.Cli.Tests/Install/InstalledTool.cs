namespace HwLab.Cli.Tests.Install;

/// <summary>
/// hwlab as a user gets it: packed from this repository's sources with the README's command,
/// installed by `dotnet tool install` into a tool path of its own, and run from a directory outside
/// the repository. Packed and installed once for the test class, on first use, so that a test that
/// skips costs nothing; everything it made is deleted on dispose.
/// </summary>
public sealed class InstalledTool : IDisposable
{
    // A pack from a clean checkout compiles the native library and every project: minutes on 2 CPUs.
    private static readonly TimeSpan s_packTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan s_installTimeout = TimeSpan.FromMinutes(2);

    // No package source at all: `--add-source` is the only one, so the install takes the package
    // just packed and asks no registry for a package of the same name.
    private const string NoSourcesConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
          </packageSources>
        </configuration>
        """;

    private readonly TempDirectory _temp = new();
    private readonly Lazy<string> _toolPath;

    public InstalledTool()
    {
        _toolPath = new Lazy<string>(PackAndInstall, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The --tool-path the tool was installed into (hwlab, and its package under .store/).</summary>
    internal string ToolPath => _toolPath.Value;

    /// <summary>An empty directory outside the repository, the working directory of every run.</summary>
    internal string WorkingDirectory => Directory.CreateDirectory(Path.Combine(_temp.Path, "work")).FullName;

    internal CliRun Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    internal CliRun RunWith(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        ChildProcess.Run(Path.Combine(ToolPath, "hwlab"), args, WorkingDirectory, TimeSpan.FromMinutes(2), environment);

    public void Dispose() => _temp.Dispose();

    private string PackAndInstall()
    {
        string root = RepositoryRoot();
        string packages = Path.Combine(_temp.Path, "packages");
        Dotnet(root, s_packTimeout, "pack", Path.Combine(root, "src", "HwLab.Cli"), "-c", "Release", "-o", packages);

        string config = _temp.File("nuget.config");
        File.WriteAllText(config, NoSourcesConfig);
        string tools = Path.Combine(_temp.Path, "tools");
        Dotnet(_temp.Path, s_installTimeout, "tool", "install", "hwlab", "--tool-path", tools, "--add-source", packages, "--configfile", config);
        return tools;
    }

    private static void Dotnet(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        CliRun run = ChildProcess.Run("dotnet", args, workingDirectory, timeout);
        Assert.True(run.ExitCode == 0, $"dotnet {string.Join(' ', args)} exited {run.ExitCode}:\n{run.Output}{run.Error}");
    }

    internal static string RepositoryRoot()
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
