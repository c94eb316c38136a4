using System.CommandLine;
using HwLab.Cli.Output;
using HwLab.Layout.Probe;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab layout`: every swap_cluster_info generation and the locks beside them as C# and C lay them out, and what a generation's size costs.</summary>
internal static class LayoutCommand
{
    public const string Schema = "hwlab.layout/1";

    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (schema hwlab.layout/1) instead of tables." };
        Option<int?> lineSize = CliOptions.Int(
            "--line-size",
            "Cache line size in bytes for the per-line figures and SWAP_CLUSTER_COLS [default: measured on this machine; a power of two from 1 to 4096]",
            "BYTES",
            value => value is > 0 and <= 4096 && int.IsPow2(value),
            "a power of two from 1 to 4096 bytes");
        var command = new Command(
            "layout",
            "Each generation of struct swap_cluster_info (4 to 64 bytes), and the locks and structs beside them (the 4-byte qspinlock, its queue nodes), as C# and the C compiler lay them out, whether they match, structs per cache line, SWAP_CLUSTER_COLS, and metadata per GiB of swap, with 256-page clusters and, for the generations whose kernels had CONFIG_THP_SWAP, 512-page ones. Exits 1 if any layout differs from C.")
        {
            json, lineSize,
        };
        command.SetAction(parsed => Run(ConsoleView.ForStandardOutput(output), parsed.GetValue(json), parsed.GetValue(lineSize)));
        return command;
    }

    private static int Run(ConsoleView view, bool json, int? lineSizeOverride)
    {
        int lineSize = lineSizeOverride ?? TopologyReader.Read().LineSize;
        string lineSizeSource = lineSizeOverride is null ? "measured" : "--line-size";
        LayoutCheck check = LayoutCheck.Run(lineSize);
        if (json)
        {
            CliJson.Write(view.Writer, new LayoutDocument(Schema, lineSizeSource, check.AllMatch, check));
        }
        else
        {
            LayoutView.Write(view, check, lineSizeSource);
        }
        return check.AllMatch ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The JSON document of `hwlab layout --json`.</summary>
    internal sealed record LayoutDocument(string Schema, string LineSizeSource, bool AllMatch, LayoutCheck Check);
}
