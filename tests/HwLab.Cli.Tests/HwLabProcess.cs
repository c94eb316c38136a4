using System.Diagnostics;
using Mono.Unix.Native;

namespace HwLab.Cli.Tests;

/// <summary>The built hwlab running as a process of its own, for tests that signal it or race it against another.</summary>
internal sealed class HwLabProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private HwLabProcess(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static HwLabProcess Start(params string[] args) => StartUnder([], args);

    /// <summary>Starts hwlab through a launcher such as <c>taskset -c 0</c>.</summary>
    public static HwLabProcess StartUnder(string[] launcher, params string[] args) => Start(launcher, AppContext.BaseDirectory, args);

    /// <summary>Starts the hwlab in <paramref name="directory"/>, a copy of the built one, with whatever was changed in it.</summary>
    public static HwLabProcess StartFrom(string directory, params string[] args) => Start([], directory, args);

    private static HwLabProcess Start(string[] launcher, string directory, string[] args)
    {
        var start = new ProcessStartInfo(launcher.Length > 0 ? launcher[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in launcher.Skip(1).Concat(launcher.Length > 0 ? ["dotnet"] : []))
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add(Path.Combine(directory, "hwlab.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return new HwLabProcess(Process.Start(start)!);
    }

    public void Signal(Signum signal) => Assert.Equal(0, Syscall.kill(_process.Id, signal));

    /// <summary>Waits for the exit; fails the test (and kills the process) after <paramref name="timeout"/>.</summary>
    public CliRun WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"hwlab did not exit within {timeout.TotalSeconds} s");
        }
        return new CliRun(_process.ExitCode, _output.Result, _error.Result);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test if the process exits first or time runs out.</summary>
    public void WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited)
            {
                Assert.Fail($"hwlab exited ({_process.ExitCode}) before {what}: {_error.Result}");
            }
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"{what} did not happen within {timeout.TotalSeconds} s");
            }
            Thread.Sleep(20);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
