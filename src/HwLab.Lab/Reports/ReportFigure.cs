namespace HwLab.Lab.Reports;

/// <summary>
/// One figure of an experiment's section: an inline SVG chart with its caption for report.html,
/// and for report.md the same figures as a table, or none where the table of points already holds
/// what the chart draws.
/// </summary>
public sealed record ReportFigure(string Svg, string Caption)
{
    public ReportTable? Table { get; init; }
}
