namespace HwLab.Lab.Reports;

/// <summary>A table for report.md under a line that says what it holds; with no columns, that line alone (a table too large to print, say why).</summary>
/// <param name="RightAligned">For each column, whether it holds numbers.</param>
public sealed record ReportTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> RightAligned)
{
    public static ReportTable CaptionOnly(string caption) => new(caption, [], [], []);
}
