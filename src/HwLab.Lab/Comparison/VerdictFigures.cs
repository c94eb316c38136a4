using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Comparison;

/// <summary>
/// What one side's verdict was decided on: the deciding figure, its 95% interval, and the rule's
/// threshold. Shown beside a changed outcome so that a reader sees whether the figure moved or only
/// crossed the threshold (1.12 against 1.09 with a threshold of 1.10 is not a new machine).
/// </summary>
/// <param name="Figure">The deciding figure's median over the rounds used.</param>
/// <param name="CiLower">Its interval's lower end; null when too few rounds gave one.</param>
/// <param name="Rule">The threshold as the rule states it: "above 1.10", "within 0.95 to 1.05"; null when the verdict does not carry one.</param>
/// <param name="SamplesUsed">Rounds the figure rests on.</param>
public sealed record VerdictFigures(string? FigureName, double Figure, double? CiLower, double? CiUpper, string? Rule, int? SamplesUsed)
{
    /// <summary>The figures <paramref name="verdict"/> carries; null for none (absent, not decided by an interval, or read from a version-1 document).</summary>
    public static VerdictFigures? Of(Verdict? verdict)
    {
        if (verdict?.Figure is not double figure)
        {
            return null;
        }
        return new VerdictFigures(verdict.FigureName, figure, verdict.CiLower, verdict.CiUpper, DecisionRule.Of(verdict)?.ThresholdText, verdict.SamplesUsed);
    }
}
