using System.Diagnostics;

namespace HwLab.Cli.Tests.Install;

/// <summary>A program run to its end in a directory of the test's choosing, with its output captured.</summary>
internal static class ChildProcess
{
    /// <summary>Runs <paramref name="program"/>; fails the test (and kills the process tree) after <paramref name="timeout"/>.</summary>
    public static CliRun Run(string program, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds} s:\n{output.Result}{error.Result}");
        }
        return new CliRun(process.ExitCode, output.Result, error.Result);
    }
}
