namespace HwLab.Cli.Tests;

/// <summary>One `hwlab` invocation's exit code and output.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the command line in this process, with stdout and stderr captured.</summary>
    public static CliRun InProcess(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = HwLabCommandLine.Run(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built hwlab as its own process, as a user's shell would.</summary>
    public static CliRun AsProcess(params string[] args)
    {
        using HwLabProcess process = HwLabProcess.Start(args);
        return process.WaitForExit(TimeSpan.FromMinutes(2));
    }

    /// <summary>Asserts the bad-input contract: exit code 2, one line on stderr, nothing on stdout.</summary>
    public void AssertUsageError(string expectedInMessage)
    {
        Assert.Equal(2, ExitCode);
        Assert.Equal("", Output);
        string[] lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("hwlab: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expectedInMessage, lines[0], StringComparison.Ordinal);
    }
}
