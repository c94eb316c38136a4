using System.Diagnostics;
using HwLab.Native;
using HwLab.Native.Tests;

namespace HwLab.Cli.Tests;

/// <summary>
/// A stale native library stops hwlab at start-up with one line and exit code 1 instead of
/// measuring with it. Each test runs a copy of the built hwlab whose library was swapped, so the
/// build output the other tests use stays as it is.
/// </summary>
public sealed class NativeLibraryMismatchTests
{
    private const string LibraryFile = "libhwlab_native.so";
    private const string AbiDefine = "#define HWLAB_NATIVE_ABI_VERSION ";

    [Fact]
    public void A_library_built_for_another_abi_version_stops_hwlab_with_one_line_and_exit_code_1()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the library is built here as the Linux build builds it (libhwlab_native.so, CMake)");
        string[] path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        Assert.SkipUnless(path.Any(dir => File.Exists(Path.Combine(dir, "cmake"))), "cmake is not on PATH; the library is built with CMake 3.16 or later and a C compiler");
        using var temp = new TempDirectory();
        int other = NativeLibraryInfo.ExpectedAbiVersion + 1;
        string library = BuildLibrary(temp.File("native"), other);
        string app = CopyOfHwlab(temp.File("app"));
        File.Copy(library, Path.Combine(app, LibraryFile), overwrite: true);

        CliRun run = RunFrom(app, "layout");

        AssertOneLineFailure(run, $"libhwlab_native reports ABI version {other}, but this build of HwLab expects {NativeLibraryInfo.ExpectedAbiVersion}: rebuild");
    }

    [Fact]
    public void A_missing_library_stops_hwlab_with_one_line_and_exit_code_1()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the library's file name is the Linux one");
        using var temp = new TempDirectory();
        string app = CopyOfHwlab(temp.File("app"));
        File.Delete(Path.Combine(app, LibraryFile));

        CliRun run = RunFrom(app, "topology");

        AssertOneLineFailure(run, "libhwlab_native could not be loaded");
    }

    private static void AssertOneLineFailure(CliRun run, string expectedInMessage)
    {
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Error}");
        Assert.Equal("", run.Output);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("hwlab: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expectedInMessage, line, StringComparison.Ordinal);
    }

    private static CliRun RunFrom(string app, params string[] args)
    {
        using HwLabProcess hwlab = HwLabProcess.StartFrom(app, args);
        return hwlab.WaitForExit(TimeSpan.FromMinutes(1));
    }

    // The test's own output directory holds hwlab and everything it loads.
    private static string CopyOfHwlab(string target)
    {
        string source = AppContext.BaseDirectory;
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        Assert.True(File.Exists(Path.Combine(target, LibraryFile)), $"{LibraryFile} is not next to the tests in {source}");
        return target;
    }

    // native-layout/ as it is, but for the ABI version, built by CMake as the solution's build does.
    private static string BuildLibrary(string directory, int abiVersion)
    {
        string sources = Path.Combine(directory, "src");
        string build = Path.Combine(directory, "build");
        string original = Path.Combine(RepoPaths.Root, "native-layout");
        foreach (string file in Directory.EnumerateFiles(original, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(sources, Path.GetRelativePath(original, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        string header = Path.Combine(sources, "include", "hwlab_native.h");
        string text = File.ReadAllText(header);
        string expected = AbiDefine + NativeLibraryInfo.ExpectedAbiVersion + "\n";
        Assert.Contains(expected, text, StringComparison.Ordinal);
        File.WriteAllText(header, text.Replace(expected, AbiDefine + abiVersion + "\n", StringComparison.Ordinal));

        Cmake("-S", sources, "-B", build, "-DCMAKE_BUILD_TYPE=Release");
        Cmake("--build", build);
        string library = Path.Combine(build, "out", LibraryFile);
        Assert.True(File.Exists(library), $"cmake built no {library}");
        return library;
    }

    private static void Cmake(params string[] args)
    {
        var start = new ProcessStartInfo("cmake")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using Process cmake = Process.Start(start)!;
        Task<string> output = cmake.StandardOutput.ReadToEndAsync();
        Task<string> error = cmake.StandardError.ReadToEndAsync();
        if (!cmake.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            cmake.Kill(entireProcessTree: true);
            Assert.Fail($"cmake {string.Join(' ', args)} did not finish within 5 minutes");
        }
        Assert.True(cmake.ExitCode == 0, $"cmake {string.Join(' ', args)} exited {cmake.ExitCode}: {output.Result}{error.Result}");
    }
}
