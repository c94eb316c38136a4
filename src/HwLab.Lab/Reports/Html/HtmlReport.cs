using System.Globalization;
using System.Text;
using HwLab.Lab.Experiments;
using HwLab.Lab.Results;
using static HwLab.Lab.Reports.Html.HtmlText;

namespace HwLab.Lab.Reports.Html;

/// <summary>
/// report.html: one self-contained page (inline styles and SVG charts, no scripts, no fonts, no
/// network) with the machine, the answer to "was the 8-byte layout right?", every verdict, and
/// each experiment's charts and points. Rendered from results.json alone: each experiment's figures
/// come from its report in the catalog, found by the name results.json gives.
/// </summary>
public static class HtmlReport
{
    /// <param name="catalog">Where each experiment's section is found; <see cref="ExperimentCatalog.Standard"/> when null.</param>
    public static string Render(ResultsDocument document, ExperimentCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        catalog ??= ExperimentCatalog.Standard;
        var html = new StringBuilder();
        MachineInfo m = document.Machine;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>HwLab report: ").Append(Encode(m.Host)).Append("</title><style>").Append(HtmlStyle.Css).Append("</style></head><body>\n");
        html.Append("<h1>HwLab report</h1><p>Measured on <b>").Append(Encode(m.Host)).Append("</b> (").Append(Encode(m.CpuModel ?? "unknown CPU")).Append("), ")
            .Append(Encode(document.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append(" UTC, profile <b>").Append(Encode(document.Profile))
            .Append("</b>, HwLab ").Append(Encode(document.HwlabVersion)).Append(". Command: <code>").Append(Encode(document.CommandLine)).Append("</code></p>\n");

        WriteMachine(html, m);
        WriteEightByteAnswer(html, document);
        WriteVerdicts(html, document);
        foreach (ExperimentResult experiment in document.Experiments)
        {
            WriteExperiment(html, experiment, catalog.ReportOf(experiment.Name));
        }
        if (document.NotRun.Count > 0)
        {
            html.Append("<h2>Not run</h2><p>").Append(Encode($"Planned but never started: {string.Join(", ", document.NotRun)}.")).Append("</p>\n");
        }
        html.Append("<h2>How to read this report</h2><p class=\"note\">")
            .Append(Encode("Every figure is the median of its samples, taken after warm-up; variants of one experiment were sampled interleaved, so drift hits them alike. Compare ratios within one run. Verdicts are confirmed or refuted when the interval of the deciding figure lies wholly on one side of the claim's threshold, inconclusive when it straddles it, or not measurable when the machine lacks what a claim needs. Under a verdict decided by an interval, the picture draws that interval as a bar, the figure as a tick, and the threshold as a dashed line (a claim of no effect: its band shaded); one bar per state of the machine when the host moved the vCPUs during the run. results.json beside this page holds every sample (schema " + document.Schema + ")."))
            .Append("</p></body></html>\n");
        return html.ToString();
    }

    private static void WriteMachine(StringBuilder html, MachineInfo m)
    {
        html.Append("<h2 id=\"machine\">Machine</h2>");
        Table(html, ["", ""], MachineFacts.Rows(m));
    }

    private static void WriteEightByteAnswer(StringBuilder html, ResultsDocument document)
    {
        html.Append("<h2 id=\"eight-byte\">Was the 8-byte layout right?</h2><p>")
            .Append(Encode("The seed patch grew swap_cluster_info from 4 to 8 bytes to hold a bit spinlock. Each of its claims, and its review's, beside what this machine measured:"))
            .Append("</p>");
        Verdict[] all = [.. document.Experiments.SelectMany(e => e.Verdicts)];
        html.Append("<table><thead><tr><th>claim</th><th>measured here</th><th>verdict</th><th>why</th></tr></thead><tbody>");
        foreach ((string claim, string source, string[] topics) in SeedClaims.All)
        {
            Verdict[] found = [.. topics.SelectMany(t => all.Where(v => v.Topic == t))];
            string claimCell = $"<td rowspan=\"{Math.Max(1, found.Length)}\">{Encode(claim)}<br><span class=\"note\">{Encode(source)}</span></td>";
            if (found.Length == 0)
            {
                html.Append("<tr>").Append(claimCell).Append("<td>").Append(Encode("not measured in this run")).Append("</td><td>").Append(Badge("not run")).Append("</td><td></td></tr>");
                continue;
            }
            for (int i = 0; i < found.Length; i++)
            {
                html.Append("<tr>").Append(i == 0 ? claimCell : "")
                    .Append("<td>").Append(Encode(found[i].Measured)).Append("</td><td>").Append(Badge(found[i].Outcome)).Append("</td><td>").Append(Encode(found[i].Why)).Append("</td></tr>");
            }
        }
        html.Append("</tbody></table>\n");
        html.Append("<p class=\"summary\">").Append(Encode(VerdictCounts.Summary(document))).Append("</p>\n");
    }

    private static void WriteVerdicts(StringBuilder html, ResultsDocument document)
    {
        html.Append("<h2 id=\"verdicts\">Every verdict</h2>");
        Table(html, ["experiment", "claim", "source", "measured", "verdict"],
            document.Experiments.SelectMany(e => e.Verdicts.Select(v => (IReadOnlyList<string>)[Encode(e.Name), Encode(v.Claim), Encode(VerdictSource.Cell(v)), Encode(v.Measured), Badge(v.Outcome)])),
            rawColumns: new HashSet<int> { 0, 1, 2, 3, 4 });
    }

    // The fits the experiment's curves got, from results.json: a row per fit, a line per reason there is none.
    // With no fit at all there is no table; the scaling chart's caption says why.
    private static void WriteScaling(StringBuilder html, IReadOnlyList<ScalingCurve> curves)
    {
        IReadOnlyList<string>[] rows = [.. ScalingTable.Rows(curves)];
        if (rows.Length == 0)
        {
            return;
        }
        html.Append("<p class=\"note\">").Append(Encode(ScalingTable.Caption)).Append("</p>");
        Table(html, ScalingTable.Headers, rows, numericColumns: ScalingTable.NumericColumns);
        foreach (string unfitted in ScalingTable.Unfitted(curves))
        {
            html.Append("<p class=\"note\">").Append(Encode(unfitted)).Append("</p>");
        }
    }

    private static void WriteExperiment(StringBuilder html, ExperimentResult e, IExperimentReport report)
    {
        html.Append("<h2 id=\"").Append(Encode(e.Name)).Append("\">").Append(Encode($"{e.Name}: {e.Title}")).Append("</h2>");
        html.Append("<p>").Append(Encode(e.Status == ExperimentStatus.Completed
            ? $"Completed in {Numbers.Format(e.DurationSeconds)} s."
            : $"{e.Status.Text()}{(e.Error is null ? "" : $": {e.Error}")}.")).Append("</p>");
        if (e.Sampling is SamplingSummary sampling)
        {
            html.Append("<p class=\"sampling\">").Append(Encode(DecisionText.Sampling(sampling))).Append("</p>");
        }
        foreach (ReportFigure figure in report.Figures(e))
        {
            html.Append("<figure>").Append(figure.Svg).Append("<figcaption>").Append(Encode(figure.Caption)).Append("</figcaption></figure>\n");
        }
        WriteScaling(html, e.Scaling);
        foreach (Verdict v in e.Verdicts)
        {
            html.Append("<p>").Append(Badge(v.Outcome)).Append(' ').Append(Encode(v.Claim));
            if (VerdictSource.Sentence(v) is { } source)
            {
                html.Append("<br><span class=\"source\">").Append(Encode(source)).Append("</span>");
            }
            html.Append("<br><span class=\"note\">").Append(Encode(v.Measured is "-" or "" ? v.Why : $"Measured: {v.Measured}. {v.Why}")).Append("</span></p>");
            DecisionHtml.Write(html, v);
        }
        if (e.Points.Count > 0)
        {
            html.Append("<details><summary>").Append(Encode($"{e.Points.Count} points: {e.Points[0].Metric}")).Append("</summary>");
            Table(html, PointTable.Headers, e.Points.Select(PointTable.Row), numericColumns: PointTable.NumericColumns);
            html.Append("</details>");
        }
        if (e.Parameters.Count > 0)
        {
            html.Append("<p class=\"note\">").Append(Encode("Settings: " + string.Join(", ", e.Parameters.Select(p => $"{p.Key} = {p.Value}")))).Append("</p>");
        }
        foreach (string note in e.Notes)
        {
            html.Append("<p class=\"note\">").Append(Encode(note)).Append("</p>");
        }
        html.Append('\n');
    }
}
