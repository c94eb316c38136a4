using System.Globalization;
using HwLab.Cli.Output;
using HwLab.Layout;
using HwLab.Layout.Probe;
using HwLab.Native;

namespace HwLab.Cli.Commands;

/// <summary>Renders a layout check: one row per generation, one per lock or helper struct, then every field from both sides, then what differed.</summary>
internal static class LayoutView
{
    public static void Write(ConsoleView view, LayoutCheck check, string lineSizeSource)
    {
        view.WriteHeading($"swap_cluster_info generations ({check.LineSize}-byte lines, {lineSizeSource}; C compiled by {check.Compiler})");
        view.WriteTable(
            ["struct", "generation", "C# size/align", "C size/align", "per line", "COLS seed/merged", "per GiB of swap", "match"],
            check.Rows.Where(r => r.Generation is not null).Select(r => (IReadOnlyList<string>)
            [
                r.Name,
                r.Generation!.Generation,
                $"{r.Managed.Size}/{r.Managed.Align}",
                $"{r.C.Size}/{r.C.Align}",
                r.Figures!.PerLine.ToString("0.##", CultureInfo.InvariantCulture),
                Cols(r.Figures),
                PerGiB(r.Figures),
                r.Matches ? "yes" : "NO",
            ]));

        view.WriteHeading("Locks and the structs beside the generations");
        view.WriteTable(
            ["struct", "C# size/align", "C size/align", "match"],
            check.Rows.Where(r => r.Generation is null).Select(r => (IReadOnlyList<string>)
            [
                r.Name,
                $"{r.Managed.Size}/{r.Managed.Align}",
                $"{r.C.Size}/{r.C.Align}",
                r.Matches ? "yes" : "NO",
            ]));

        view.WriteHeading("Fields (offset+size in bytes; bitfields as offset:first bit+width)");
        view.WriteTable(
            ["struct", "C#", "C"],
            check.Rows.Select(r => (IReadOnlyList<string>)[r.Name, Fields(r.Managed), Fields(r.C)]));

        ClusterLayoutInfo bitfield = ClusterLayouts.Get(ClusterLayout.Bitfield4);
        ClusterLayoutInfo seed = ClusterLayouts.Get(ClusterLayout.Seed8);
        view.WriteLine();
        view.WriteLine($"The seed patch's cost: {ByteSize.Format(seed.MetadataBytesPerGiB - bitfield.MetadataBytesPerGiB)} more per GiB of swap "
            + $"({seed.Size} bytes instead of {bitfield.Size} for each of the {Layout.Kernel.SwapCluster.ClustersPerGiB} clusters in a GiB); the patch says \"4k more memory for every 1G swap space\".");
        view.WriteLine($"With CONFIG_THP_SWAP (4.13 on, every x86_64 kernel with transparent huge pages) a cluster is HPAGE_PMD_NR = {Layout.Kernel.SwapCluster.HPAGE_PMD_NR} pages instead of {Layout.Kernel.SwapCluster.SWAPFILE_CLUSTER}: "
            + $"{Layout.Kernel.SwapCluster.ClustersPerGiBWithThpSwap} clusters in a GiB, half the metadata, and merged SWAP_CLUSTER_SPACE_COLS {SwapClusterCols.SpaceCols(Layout.Kernel.SwapCluster.HPAGE_PMD_NR)} instead of {SwapClusterCols.SWAP_CLUSTER_SPACE_COLS}. "
            + "The merged 4.11 form had it from 4.13 to 6.11, the later forms always; the 4.10 form and the seed never.");

        IEnumerable<string> problems = check.Rows.SelectMany(r => r.Differences.Select(d => $"{r.Name}: {d}")).Concat(check.ConstantDifferences);
        if (!check.AllMatch)
        {
            view.WriteHeading("C# differs from C");
            foreach (string problem in problems)
            {
                view.WriteLine($"- {problem}");
            }
        }
        else
        {
            view.WriteLine("Every C# layout and constant matches the C compiler's.");
        }
    }

    private static string PerGiB(GenerationFigures figures)
    {
        string perGiB = figures.ExtraBytesPerGiBOverBitfield == 0
            ? ByteSize.Format(figures.MetadataBytesPerGiB)
            : $"{ByteSize.Format(figures.MetadataBytesPerGiB)} (+{ByteSize.Format(figures.ExtraBytesPerGiBOverBitfield)})";
        return figures.MetadataBytesPerGiBWithThpSwap is long thp ? $"{perGiB}; {ByteSize.Format(thp)} with THP_SWAP" : perGiB;
    }

    private static string Cols(GenerationFigures figures)
    {
        string cols = $"{figures.SwapClusterCols}/{figures.SwapClusterColsMerged}";
        return figures.SwapClusterColsMergedWithThpSwap is int thp ? $"{cols}; {thp} with THP_SWAP" : cols;
    }

    private static string Fields(StructDescription description)
        => description.Fields.Count == 0 ? "(none)" : string.Join(" ", description.Fields.Select(f => f.ToString()));
}
