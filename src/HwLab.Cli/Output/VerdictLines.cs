using HwLab.Lab.Reports;
using HwLab.Lab.Results;

namespace HwLab.Cli.Output;

/// <summary>A verdict as console lines: outcome and claim, what was measured, the rule's interval, and for an undecided one why.</summary>
internal static class VerdictLines
{
    public static void Write(ConsoleView view, Verdict verdict, string? experiment = null)
    {
        view.WriteLine($"- {(experiment is null ? "" : $"[{experiment}] ")}{verdict.Outcome.Text()}: {verdict.Claim}");
        view.WriteLine($"    measured: {verdict.Measured}");
        if (DecisionText.HasRule(verdict))
        {
            view.WriteLine($"    {DecisionText.Sentence(verdict)}");
        }
        if (verdict.Outcome == VerdictOutcome.Inconclusive)
        {
            view.WriteLine($"    why: {verdict.Why}");
        }
    }
}
