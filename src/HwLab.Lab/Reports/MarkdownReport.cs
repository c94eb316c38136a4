using System.Globalization;
using System.Text;
using HwLab.Lab.Experiments;
using HwLab.Lab.Results;
using static HwLab.Lab.Reports.MarkdownText;

namespace HwLab.Lab.Reports;

/// <summary>
/// report.md: the machine, every verdict in one table, then each experiment's points with their
/// noise and flags, and how to read it all. Rendered from results.json alone, so a report can be
/// rebuilt from any results directory; each experiment's figures, as tables, come from its report in
/// the catalog. Every text from the document is escaped: it comes from the machine or the command
/// line, and must not add markup or break a table.
/// </summary>
public static class MarkdownReport
{
    /// <param name="catalog">Where each experiment's section is found; <see cref="ExperimentCatalog.Standard"/> when null.</param>
    public static string Render(ResultsDocument document, ExperimentCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        catalog ??= ExperimentCatalog.Standard;
        var text = new StringBuilder();
        MachineInfo m = document.Machine;
        text.AppendLine("# HwLab report").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured on **{Escape(m.Host)}** ({Escape(m.CpuModel ?? "unknown CPU")}), {document.CreatedUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC, profile **{Escape(document.Profile)}**, HwLab {Escape(document.HwlabVersion)}. Command: {Escape(document.CommandLine)}.");
        text.AppendLine();
        WriteMachine(text, m);
        WriteVerdicts(text, document);
        foreach (ExperimentResult experiment in document.Experiments)
        {
            WriteExperiment(text, experiment, catalog.ReportOf(experiment.Name));
        }
        if (document.NotRun.Count > 0)
        {
            text.AppendLine("## Not run").AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"These experiments were planned but never started: {Escape(string.Join(", ", document.NotRun))}.").AppendLine();
        }
        WriteHowToRead(text, document.Schema);
        return text.ToString();
    }

    private static void WriteMachine(StringBuilder text, MachineInfo m)
    {
        text.AppendLine("## Machine").AppendLine();
        MarkdownTable.Write(text, ["", ""], MachineFacts.Rows(m));
    }

    private static void WriteVerdicts(StringBuilder text, ResultsDocument document)
    {
        var rows = document.Experiments
            .SelectMany(e => e.Verdicts.Select(v => (IReadOnlyList<string>)[e.Name, v.Claim, VerdictSource.Cell(v), v.Measured, v.Outcome.Text()]))
            .ToList();
        text.AppendLine("## Verdicts").AppendLine();
        if (rows.Count == 0)
        {
            text.AppendLine("No experiment has reached a verdict yet.").AppendLine();
            return;
        }
        text.AppendLine(VerdictCounts.Summary(document)).AppendLine();
        MarkdownTable.Write(text, ["experiment", "claim", "source", "measured", "verdict"], rows);
    }

    private static void WriteExperiment(StringBuilder text, ExperimentResult e, IExperimentReport report)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"## {Escape(e.Name)}: {Escape(e.Title)}").AppendLine();
        string status = e.Status switch
        {
            ExperimentStatus.Completed => $"Completed in {Numbers.Format(e.DurationSeconds)} s.",
            _ => $"**{Escape(e.Status.Text())}**{(e.Error is null ? "" : $": {Escape(e.Error)}")}.",
        };
        text.AppendLine(status).AppendLine();
        if (e.Sampling is SamplingSummary sampling)
        {
            text.AppendLine(Escape(DecisionText.Sampling(sampling))).AppendLine();
        }
        if (e.Parameters.Count > 0)
        {
            text.AppendLine("Settings: " + string.Join(", ", e.Parameters.Select(p => $"{Escape(p.Key)} = {Escape(p.Value)}")) + ".").AppendLine();
        }
        foreach (ReportTable table in report.Figures(e).Select(f => f.Table).OfType<ReportTable>())
        {
            text.AppendLine(Escape(table.Caption)).AppendLine();
            if (table.Headers.Count > 0)
            {
                MarkdownTable.Write(text, table.Headers, table.Rows, table.RightAligned);
            }
        }
        WriteScaling(text, e.Scaling);
        if (e.Points.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Each point: the median of its samples ({Escape(e.Points[0].Metric)}), the range, the coefficient of variation, the 95% confidence interval of the median, and the samples it rests on.").AppendLine();
            MarkdownTable.Write(
                text,
                ["point", "median", "min", "max", "CV", "95% CI", "clean/n", "flags", "derived"],
                e.Points.Select(PointRow),
                [false, true, true, true, true, false, false, false, false]);
        }
        foreach (Verdict v in e.Verdicts)
        {
            string source = VerdictSource.Sentence(v) is { } sentence ? $" {Escape(sentence)}" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{Escape(v.Outcome.Text())}**: {Escape(v.Claim)}{source} Measured: {Escape(v.Measured)}. {Escape(v.Why)}");
            WriteDecision(text, v);
        }
        if (e.Verdicts.Count > 0)
        {
            text.AppendLine();
        }
        foreach (string note in e.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"> {Escape(note)}").AppendLine();
        }
    }

    // The fits every curve of the experiment got, from results.json: a row per fit, a line per reason there is none.
    private static void WriteScaling(StringBuilder text, IReadOnlyList<ScalingCurve> curves)
    {
        if (curves.Count == 0)
        {
            return;
        }
        text.AppendLine(Escape(ScalingTable.Caption)).AppendLine();
        IReadOnlyList<string>[] rows = [.. ScalingTable.Rows(curves)];
        if (rows.Length > 0)
        {
            MarkdownTable.Write(text, ScalingTable.Headers, rows, ScalingTable.RightAligned);
        }
        foreach (string unfitted in ScalingTable.Unfitted(curves))
        {
            text.AppendLine(Escape(unfitted)).AppendLine();
        }
    }

    // Under a verdict decided by an interval: the figure, interval, threshold and rounds, and each placement group's own when the machine changed.
    private static void WriteDecision(StringBuilder text, Verdict v)
    {
        if (!DecisionText.HasRule(v))
        {
            return;
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"  - {Escape(DecisionText.Sentence(v))}");
        if (DecisionText.MachineChanged(v))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - **{Escape(DecisionText.MachineChangedLead(v))}**");
            foreach (Decisions.GroupDecision group in v.Groups!)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    - {Escape(DecisionText.Group(group))}");
            }
        }
    }

    private static IReadOnlyList<string> PointRow(PointResult p)
    {
        Statistics s = p.Stats;
        string ci = s.MedianCiLower is double lo && s.MedianCiUpper is double hi ? $"{Numbers.Format(lo)} to {Numbers.Format(hi)}" : "-";
        string flags = string.Join(", ", p.Samples.SelectMany(x => x.Flags).GroupBy(f => f).Select(g => $"{g.Key} x{g.Count()}"));
        string derived = string.Join(", ", p.Derived.Select(d => $"{d.Key} {Numbers.Format(d.Value)}"));
        return [p.Id, $"{Numbers.Format(s.Median)} {p.Unit}", Numbers.Format(s.Min), Numbers.Format(s.Max), Numbers.Percent(s.CoefficientOfVariation), ci, $"{s.Clean}/{s.N}", flags.Length == 0 ? "none" : flags, derived];
    }

    private static void WriteHowToRead(StringBuilder text, string schema)
    {
        text.AppendLine("## How to read this report").AppendLine();
        text.AppendLine("- Every figure is the median of at least 5 samples taken after warm-up; variants of one experiment were sampled interleaved (A B A B), so drift hits them alike. Compare ratios within one run, not absolute times across runs.");
        text.AppendLine("- CV is the spread of the samples; a verdict that rests on a difference smaller than the spread is not a verdict. The 95% CI is the median's, from order statistics (none below 6 samples).");
        text.AppendLine("- Flags: Migrated (a worker left its CPU), GarbageCollected, Jitted (code compiled during the sample), Preempted (a worker was off its CPU for more than 5% of the sample). Statistics use the clean samples when at least half are clean; clean/n says how many.");
        text.AppendLine("- Verdicts: confirmed or refuted when the interval of the deciding figure lies wholly on one side of the claim's threshold; inconclusive when it straddles it (more samples or a quieter machine would decide); not measurable when the machine lacks what the claim needs (a second socket, SMT, a PMU), with the reason.");
        text.AppendLine("- Under each verdict decided by an interval: the deciding figure (its median over the rounds used), its 95% interval, the claim's threshold and the rounds used. When the placement probe found the machine changed under the run (the host moved the vCPUs), each state is listed with its own figures and outcome, and the verdict is inconclusive unless they agree.");
        text.AppendLine("- Under each experiment sampled in rounds: the rounds it took, the minimum it had to take, and why it stopped adding rounds (decided, budget, no longer narrowing, round limit).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- results.json next to this file holds every sample; its schema is {Escape(schema)} (docs/results-schema.md).");
    }
}
