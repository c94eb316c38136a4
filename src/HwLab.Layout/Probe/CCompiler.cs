using System.ComponentModel;
using System.Diagnostics;

namespace HwLab.Layout.Probe;

/// <summary>A C compiler found on this machine, and the few ways a probe runs it.</summary>
internal sealed class CCompiler
{
    private static readonly TimeSpan s_compileTimeout = TimeSpan.FromMinutes(2);

    private readonly IReadOnlyList<string> _flags;

    private CCompiler(string path, IReadOnlyList<string> flags)
    {
        Path = path;
        _flags = flags;
    }

    public string Path { get; }

    /// <summary>
    /// <paramref name="compiler"/> as a path or a name looked up on PATH; when null, the first of
    /// cc, gcc and clang on PATH. <paramref name="flags"/> go on every command line (-I and -D).
    /// </summary>
    public static CCompiler Find(string? compiler, IReadOnlyList<string> flags)
        => Find(compiler, flags, Environment.GetEnvironmentVariable("PATH") ?? string.Empty);

    /// <summary>As <see cref="Find(string?, IReadOnlyList{string})"/>, searching <paramref name="searchPath"/> instead of PATH.</summary>
    internal static CCompiler Find(string? compiler, IReadOnlyList<string> flags, string searchPath)
    {
        if (compiler is not null)
        {
            if (compiler.Contains(System.IO.Path.DirectorySeparatorChar) || compiler.Contains('/'))
            {
                return File.Exists(compiler) ? new CCompiler(System.IO.Path.GetFullPath(compiler), flags) : throw new StructProbeException($"no compiler at {compiler}");
            }
            return OnPath(compiler, searchPath) is { } named ? new CCompiler(named, flags) : throw new StructProbeException($"no compiler named {compiler} on PATH");
        }
        string[] defaults = ["cc", "gcc", "clang"];
        return defaults.Select(d => OnPath(d, searchPath)).OfType<string>().FirstOrDefault() is { } found
            ? new CCompiler(found, flags)
            : throw new StructProbeException("no C compiler on PATH (looked for cc, gcc and clang): install gcc or clang");
    }

    /// <summary>The full path of an executable called <paramref name="name"/> in a PATH directory, or null.</summary>
    public static string? OnPath(string name) => OnPath(name, Environment.GetEnvironmentVariable("PATH") ?? string.Empty);

    private static string? OnPath(string name, string searchPath)
    {
        string[] suffixes = OperatingSystem.IsWindows() ? [".exe", string.Empty] : [string.Empty];
        foreach (string directory in searchPath.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string suffix in suffixes)
            {
                string candidate = System.IO.Path.Combine(directory, name + suffix);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>Checks that <paramref name="header"/> compiles as C on its own.</summary>
    public void CheckSyntax(string header)
        => Compile("the header does not compile", ["-fsyntax-only", "-x", "c", header]);

    /// <summary>The header after the preprocessor, with the same -I and -D a probe gets.</summary>
    public string Preprocess(string header)
        => Compile("the header does not preprocess", ["-E", "-x", "c", header]);

    /// <summary>Compiles and links one C file into an executable.</summary>
    public void Build(string source, string output, IReadOnlyList<string> includeDirs)
        => Compile("the probe does not compile", [.. includeDirs.Select(d => $"-I{d}"), source, "-o", output]);

    private string Compile(string failure, IReadOnlyList<string> arguments)
    {
        ProcessResult result = Run(Path, [.. _flags, .. arguments], s_compileTimeout);
        if (result.ExitCode != 0)
        {
            throw new StructProbeException($"{failure}: {FirstError(result.StandardError, "the compiler failed and said nothing")}");
        }
        return result.StandardOutput;
    }

    /// <summary>The first line that says "error", trimmed; else the first line of any kind; else <paramref name="silence"/>.</summary>
    internal static string FirstError(string standardError, string silence)
    {
        string[] lines = [.. standardError.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
        return lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
               ?? lines.FirstOrDefault()
               ?? silence;
    }

    public static ProcessResult Run(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The compiler's messages in English and without colour codes, so its first error line reads as it does in a terminal.
        start.Environment["LC_ALL"] = "C";
        start.Environment["GCC_COLORS"] = string.Empty;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new StructProbeException($"cannot start {fileName}");
        }
        catch (Win32Exception e)
        {
            throw new StructProbeException($"cannot start {fileName}: {e.Message}", e);
        }
        using (process)
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new StructProbeException($"{System.IO.Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:0} s");
            }
            return new ProcessResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
    }

    internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
}
