using HwLab.Lab.Results;

namespace HwLab.Lab.Reports;

/// <summary>
/// How both reports set a claim's source beside it: a claim quoted or figured from a mail, a commit
/// or a kernel release names it, so a reader can tell upstream's words and figures from ours.
/// </summary>
internal static class VerdictSource
{
    /// <summary>The verdict table's source cell: the source, or nothing for a claim of HwLab's own.</summary>
    public static string Cell(Verdict verdict) => verdict.Source ?? "";

    /// <summary>"Source: ..." under a claim; null for a claim of HwLab's own.</summary>
    public static string? Sentence(Verdict verdict) => verdict.Source is { } source ? $"Source: {source}." : null;
}
