using System.CommandLine;
using System.CommandLine.Parsing;
using System.ComponentModel;
using HwLab.Cli.Commands;
using HwLab.Lab.Comparison;
using HwLab.Lab.Experiments;
using HwLab.Lab.Results;
using HwLab.Native;
using HwLab.Native.Threading;

namespace HwLab.Cli;

/// <summary>
/// The `hwlab` command line: the commands, and the one place that turns failures into exit codes.
/// Bad input is one line on stderr and exit code 2; nothing prints a stack trace unless asked
/// (HWLAB_TRACE=1), because users script this tool and read its errors in CI logs.
/// </summary>
internal static class HwLabCommandLine
{
    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "HwLab: measures false sharing and lock contention of the kernel's swap_cluster_info layouts on this machine's real CPUs.")
        {
            TopologyCommand.Create(output),
            LayoutCommand.Create(output),
            RunCommand.Create(output, error),
            CheckCommand.Create(output, error),
            SuiteCommand.Create(output, error),
            PlanCommand.Create(output),
            ReportCommand.Create(output),
            CompareCommand.Create(output),
            FleetCommand.Create(output),
        };
        return root;
    }

    /// <summary>The command line as typed, for the results document.</summary>
    public static string CommandLineText { get; private set; } = "hwlab";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        CommandLineText = string.Join(' ', ["hwlab", .. args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a)]);
        RootCommand root = Build(output, error);
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"hwlab: {OneLine(FirstError(parsed))} (see hwlab --help)");
            return ExitCodes.Usage;
        }
        if (!NativeLibraryIsCompatible(error))
        {
            return ExitCodes.Failure;
        }

        var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error };
        try
        {
            return parsed.Invoke(invocation);
        }
        catch (Exception e) when (IsUsageError(e))
        {
            error.WriteLine($"hwlab: {OneLine(e.Message)}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("hwlab: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException or PlatformNotSupportedException)
        {
            error.WriteLine($"hwlab: error: {OneLine(e.Message)}");
            WriteTraceIfAsked(error, e);
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            // Anything else is a fault in HwLab, not in the input; it still gets one line, because a
            // stack trace in a script's log hides the message a user can act on.
            error.WriteLine($"hwlab: internal error: {e.GetType().Name}: {OneLine(e.Message)} (HWLAB_TRACE=1 prints where)");
            WriteTraceIfAsked(error, e);
            return ExitCodes.Failure;
        }
    }

    // A stale libhwlab_native (built for another ABI version) would measure with old layouts or
    // signatures and give wrong figures, not an error; it is refused before any command runs. It is
    // a broken build, not bad input: exit code 1.
    private static bool NativeLibraryIsCompatible(TextWriter error)
    {
        try
        {
            NativeLibraryInfo.EnsureCompatible();
            return true;
        }
        catch (NativeLibraryMismatchException e)
        {
            error.WriteLine($"hwlab: error: {OneLine(e.Message)}");
            WriteTraceIfAsked(error, e);
            return false;
        }
    }

    // Exceptions from the runtime and libraries, and paths the user typed, may carry line breaks.
    private static string OneLine(string message) => OneLineText.Of(message.Trim());

    private static void WriteTraceIfAsked(TextWriter error, Exception e)
    {
        if (Environment.GetEnvironmentVariable("HWLAB_TRACE") == "1")
        {
            error.WriteLine(e);
        }
    }

    // "Required command was not provided" comes before "Unrecognized command 'x'", but the
    // unrecognized word is what the user needs to see.
    private static string FirstError(ParseResult parsed)
    {
        foreach (string token in parsed.UnmatchedTokens)
        {
            ParseError? named = parsed.Errors.FirstOrDefault(e => e.Message.Contains($"'{token}'", StringComparison.Ordinal));
            if (named is not null)
            {
                return named.Message;
            }
        }
        return parsed.Errors[0].Message;
    }

    private static bool IsUsageError(Exception e)
        => e is UsageException or CpuNotAvailableException or ExperimentSettingsException or ResultsFormatException or ComparisonException;
}
