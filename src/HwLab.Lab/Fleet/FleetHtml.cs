using System.Text;
using HwLab.Lab.Reports.Html;
using static HwLab.Lab.Reports.Html.HtmlText;

namespace HwLab.Lab.Fleet;

/// <summary>
/// fleet.html: one self-contained page like report.html (its stylesheet inline, no scripts,
/// nothing fetched) with the machines by CPU model, those that failed to bring results back,
/// every claim's verdict per machine under a heading per CPU model, the machines off the majority
/// marked in the table and listed below it, and the deciding figures side by side.
/// </summary>
public static class FleetHtml
{
    public static string Render(FleetTables fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>HwLab fleet</title><style>").Append(HtmlStyle.Css).Append("</style></head><body>\n");
        html.Append("<h1>HwLab fleet</h1><p class=\"summary\">").Append(Encode(FleetText.Summary(fleet))).Append("</p>\n");

        html.Append("<h2 id=\"machines\">Machines</h2>");
        if (fleet.Machines.Count == 0)
        {
            html.Append("<p>").Append(Encode(FleetText.NoMachines)).Append("</p>\n");
        }
        else
        {
            Table(html, FleetText.MachineHeaders, fleet.Machines.Select(FleetText.MachineRow));
        }
        WriteFailures(html, fleet);

        html.Append("<h2 id=\"verdicts\">Verdicts per machine</h2><p class=\"note\">").Append(Encode(FleetText.MajorityRule)).Append("</p>\n");
        WriteVerdicts(html, fleet);
        WriteDisagreements(html, fleet);

        html.Append("<h2 id=\"figures\">Deciding figures</h2>");
        WriteFigures(html, fleet);
        html.Append("<p class=\"note\">").Append(Encode("Rendered from each machine's results.json (or hwlab-failed.json) alone; fleet.md has the same tables in text.")).Append("</p></body></html>\n");
        return html.ToString();
    }

    private static void WriteFailures(StringBuilder html, FleetTables fleet)
    {
        if (fleet.Failures.Count == 0)
        {
            return;
        }
        html.Append("<h2 id=\"failed\">Failed machines</h2><p class=\"note\">").Append(Encode(FleetText.FailedRule)).Append("</p>\n");
        Table(html, FleetText.FailedHeaders, fleet.Failures.Select(FleetText.FailedRow));
    }

    private static void WriteVerdicts(StringBuilder html, FleetTables fleet)
    {
        if (fleet.Claims.Count == 0)
        {
            html.Append("<p>").Append(Encode(FleetText.NoVerdicts)).Append("</p>\n");
            return;
        }
        html.Append("<table><thead>");
        GroupHeader(html, fleet, ["claim", "experiment", "majority"]);
        html.Append("</thead><tbody>");
        foreach (FleetClaim claim in fleet.Claims)
        {
            html.Append("<tr><td>").Append(Encode(claim.Claim)).Append("</td><td>").Append(Encode(claim.Experiment)).Append("</td><td>").Append(Encode(FleetText.Majority(claim))).Append("</td>");
            for (int column = 0; column < fleet.Machines.Count; column++)
            {
                html.Append("<td>").Append(VerdictCell(claim, column)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>\n");
    }

    // The outcome as the report's badge, the deciding figure beside it, and the off-majority mark in bold.
    private static string VerdictCell(FleetClaim claim, int column)
    {
        if (claim.Verdicts[column] is not { } verdict)
        {
            return Badge(FleetText.NotRun);
        }
        string figure = FleetText.Figure(verdict);
        string cell = Badge(verdict.Outcome) + (figure.Length == 0 ? "" : $" {Encode(figure)}");
        return claim.IsOffMajority(column) ? $"{cell}<br><strong>{Encode(FleetText.OffMajority(claim))}</strong>" : cell;
    }

    private static void WriteDisagreements(StringBuilder html, FleetTables fleet)
    {
        html.Append("<h3 id=\"off-majority\">Off the majority</h3>");
        IReadOnlyList<string> lines = FleetText.Disagreements(fleet);
        if (lines.Count == 0)
        {
            html.Append("<p>").Append(Encode(FleetText.NoDisagreement)).Append("</p>\n");
            return;
        }
        html.Append("<div class=\"callout\"><ul>");
        foreach (string line in lines)
        {
            html.Append("<li>").Append(Encode(line)).Append("</li>");
        }
        html.Append("</ul></div>\n");
    }

    private static void WriteFigures(StringBuilder html, FleetTables fleet)
    {
        if (fleet.Figures.Count == 0)
        {
            html.Append("<p>").Append(Encode(FleetText.NoFigures)).Append("</p>\n");
            return;
        }
        html.Append("<table><thead>");
        GroupHeader(html, fleet, ["figure"]);
        html.Append("</thead><tbody>");
        foreach (FleetFigure figure in fleet.Figures)
        {
            html.Append("<tr><td>").Append(Encode(figure.Name)).Append("</td>");
            for (int column = 0; column < fleet.Machines.Count; column++)
            {
                html.Append("<td class=\"num\">").Append(Encode(FleetText.Value(figure, column))).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>\n");
    }

    // Two header rows: the CPU models, each spanning its machines, then the machines' labels.
    private static void GroupHeader(StringBuilder html, FleetTables fleet, IReadOnlyList<string> leading)
    {
        html.Append("<tr>");
        foreach (string header in leading)
        {
            html.Append("<th rowspan=\"2\">").Append(Encode(header)).Append("</th>");
        }
        foreach (FleetGroup group in fleet.Groups)
        {
            html.Append("<th colspan=\"").Append(group.Machines.Count).Append("\">").Append(Encode(group.CpuModel)).Append("</th>");
        }
        html.Append("</tr><tr>");
        foreach (FleetMachine machine in fleet.Machines)
        {
            html.Append("<th>").Append(Encode(machine.Label)).Append("</th>");
        }
        html.Append("</tr>");
    }
}
