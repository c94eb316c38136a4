using System.Text;
using HwLab.Lab.Reports;
using static HwLab.Lab.Reports.MarkdownText;

namespace HwLab.Lab.Fleet;

/// <summary>
/// fleet.md: the machines by CPU model, those that failed to bring results back, every claim's
/// verdict per machine with the majority and the machines off it, and the deciding figures side by side. Every text from the documents is
/// escaped, as in report.md.
/// </summary>
public static class FleetMarkdown
{
    public static string Render(FleetTables fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var text = new StringBuilder();
        text.AppendLine("# HwLab fleet").AppendLine();
        text.AppendLine(Escape(FleetText.Summary(fleet))).AppendLine();

        text.AppendLine("## Machines").AppendLine();
        if (fleet.Machines.Count == 0)
        {
            text.AppendLine(Escape(FleetText.NoMachines)).AppendLine();
        }
        else
        {
            MarkdownTable.Write(text, FleetText.MachineHeaders, fleet.Machines.Select(FleetText.MachineRow));
        }
        WriteFailures(text, fleet);

        text.AppendLine("## Verdicts per machine").AppendLine();
        text.AppendLine(Escape(FleetText.MajorityRule)).AppendLine();
        WriteVerdicts(text, fleet);
        WriteOffMajority(text, fleet);

        text.AppendLine("## Deciding figures").AppendLine();
        if (fleet.Figures.Count == 0)
        {
            text.AppendLine(FleetText.NoFigures).AppendLine();
        }
        else
        {
            MarkdownTable.Write(
                text,
                ["figure", .. fleet.Machines.Select(m => m.Label)],
                [ModelRow(fleet), .. fleet.Figures.Select(f => (IReadOnlyList<string>)[f.Name, .. fleet.Machines.Select((_, i) => FleetText.Value(f, i))])]);
        }
        return text.ToString();
    }

    private static void WriteFailures(StringBuilder text, FleetTables fleet)
    {
        if (fleet.Failures.Count == 0)
        {
            return;
        }
        text.AppendLine("## Failed machines").AppendLine();
        text.AppendLine(Escape(FleetText.FailedRule)).AppendLine();
        MarkdownTable.Write(text, FleetText.FailedHeaders, fleet.Failures.Select(FleetText.FailedRow));
    }

    private static void WriteVerdicts(StringBuilder text, FleetTables fleet)
    {
        if (fleet.Claims.Count == 0)
        {
            text.AppendLine(FleetText.NoVerdicts).AppendLine();
            return;
        }
        MarkdownTable.Write(
            text,
            ["claim", "experiment", "majority", .. fleet.Machines.Select(m => m.Label)],
            [
                ["CPU model", "", "", .. fleet.Machines.Select(m => m.CpuModel)],
                .. fleet.Claims.Select(c => (IReadOnlyList<string>)
                    [c.Claim, c.Experiment, FleetText.Majority(c), .. fleet.Machines.Select((_, i) => FleetText.VerdictCell(c, i))]),
            ]);
    }

    private static void WriteOffMajority(StringBuilder text, FleetTables fleet)
    {
        text.AppendLine("### Off the majority").AppendLine();
        IReadOnlyList<string> lines = FleetText.Disagreements(fleet);
        if (lines.Count == 0)
        {
            text.AppendLine(FleetText.NoDisagreement).AppendLine();
            return;
        }
        foreach (string line in lines)
        {
            text.Append("- ").AppendLine(Escape(line));
        }
        text.AppendLine();
    }

    private static IReadOnlyList<string> ModelRow(FleetTables fleet) => ["CPU model", .. fleet.Machines.Select(m => m.CpuModel)];
}
