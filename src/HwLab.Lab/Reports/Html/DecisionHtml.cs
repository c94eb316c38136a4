using System.Text;
using HwLab.Lab.Decisions;
using HwLab.Lab.Reports.Svg;
using HwLab.Lab.Results;
using static HwLab.Lab.Reports.Html.HtmlText;

namespace HwLab.Lab.Reports.Html;

/// <summary>
/// Under a verdict decided by an interval: the decision in words, the interval drawn against the
/// threshold, and, when the machine changed under the run, a callout with each placement group's
/// own figures and outcome, since then no single figure speaks for the run.
/// </summary>
internal static class DecisionHtml
{
    public static void Write(StringBuilder html, Verdict verdict)
    {
        if (!DecisionText.HasRule(verdict))
        {
            return;
        }
        html.Append("<div class=\"decision\"><p class=\"note\">").Append(Encode(DecisionText.Sentence(verdict))).Append("</p>");
        html.Append(Chart(verdict));
        if (DecisionText.MachineChanged(verdict))
        {
            html.Append("<div class=\"callout machine-changed\" role=\"note\"><p><b>").Append(Encode(DecisionText.MachineChangedLead(verdict))).Append("</b></p><ul>");
            foreach (GroupDecision group in verdict.Groups!)
            {
                html.Append("<li>").Append(Badge(group.Outcome)).Append(' ').Append(Encode(DecisionText.Group(group))).Append("</li>");
            }
            html.Append("</ul></div>");
        }
        html.Append("</div>");
    }

    private static string Chart(Verdict verdict)
    {
        string threshold = DecisionText.Threshold(verdict);
        var chart = new IntervalChart(Description(verdict, threshold), threshold, verdict.Threshold!.Value, DecisionText.Band(verdict));
        if (DecisionText.MachineChanged(verdict))
        {
            foreach (GroupDecision group in verdict.Groups!)
            {
                chart.Add(group.Placement, group.Figure, group.CiLower, group.CiUpper, Outcome(group.Outcome), Color(group.Outcome), DecisionText.NoInterval);
            }
        }
        else
        {
            string rounds = verdict.SamplesUsed is int n ? DecisionText.Rounds(n) : "all rounds";
            chart.Add(rounds, verdict.Figure, verdict.CiLower, verdict.CiUpper, Outcome(verdict.Outcome), Color(verdict.Outcome), DecisionText.NoInterval);
        }
        return chart.Render();
    }

    // What a screen reader says for the picture, and what a pointer over it shows.
    private static string Description(Verdict verdict, string threshold)
    {
        string what = verdict.FigureName ?? "the deciding figure";
        if (!DecisionText.MachineChanged(verdict))
        {
            return $"The 95% interval of {what} against the claim, {threshold}: {DecisionText.Interval(verdict.CiLower, verdict.CiUpper)}, {verdict.Outcome.Text()}.";
        }
        string each = string.Join("; ", verdict.Groups!.Select(g => $"{g.Placement}, {DecisionText.Interval(g.CiLower, g.CiUpper)}, {g.Outcome.Text()}"));
        return $"The 95% interval of {what} in each state of the machine against the claim, {threshold}: {each}.";
    }

    private static string Outcome(VerdictOutcome outcome) => Mark(outcome) is { Length: > 0 } mark ? $"{mark} {outcome.Text()}" : outcome.Text();

    // Okabe-Ito hues, told apart by colour-blind readers; the row's outcome is in words beside it too.
    private static string Color(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Confirmed => "#009E73",
        VerdictOutcome.Refuted => "#D55E00",
        VerdictOutcome.Inconclusive => "#E69F00",
        _ => "#0072B2",
    };
}
