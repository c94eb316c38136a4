namespace HwLab.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void An_unknown_command_is_one_line_and_exit_code_2()
    {
        CliRun.InProcess("frobnicate").AssertUsageError("frobnicate");
    }

    [Fact]
    public void An_unknown_option_is_one_line_and_exit_code_2()
    {
        CliRun.InProcess("topology", "--jsn").AssertUsageError("--jsn");
    }

    [Fact]
    public void Bad_input_to_the_real_process_prints_no_stack_trace()
    {
        CliRun run = CliRun.AsProcess("topology", "--from", "/nonexistent/capture.txt");
        run.AssertUsageError("--from /nonexistent/capture.txt");
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_every_command()
    {
        CliRun run = CliRun.InProcess("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("topology", run.Output, StringComparison.Ordinal);
    }
}
