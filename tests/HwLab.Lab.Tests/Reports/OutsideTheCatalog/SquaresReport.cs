using System.Globalization;
using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Svg;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Reports.OutsideTheCatalog;

/// <summary>The squares experiment's section: a bar per n, and the same figures as a table for report.md.</summary>
internal sealed class SquaresReport : IExperimentReport
{
    public const string ChartId = "squares-bars";
    public const string Caption = "n squared, one bar per n.";
    public const string TableCaption = "n squared for each n:";

    public KeySchema PointKeys { get; } = new((SquaresExperiment.NKey, KeyForm.WholeNumber));

    public KeySchema TimelineKeys => KeySchema.None;

    public IEnumerable<ReportFigure> Figures(ExperimentResult result)
    {
        if (result.Points.Count == 0)
        {
            yield break;
        }
        PointResult[] points = [.. result.Points.OrderBy(p => int.Parse(p.Key(SquaresExperiment.NKey), CultureInfo.InvariantCulture))];
        string[] ns = [.. points.Select(p => p.Key(SquaresExperiment.NKey))];
        var chart = new BarChart(ChartId, "Squares", "n", "n squared", ns);
        chart.Add("square", [.. points.Select(p => (double?)p.Stats.Median)]);
        yield return new ReportFigure(chart.Render(), Caption)
        {
            Table = new ReportTable(TableCaption, ["n", "square"], [.. points.Select(p => (IReadOnlyList<string>)[p.Key(SquaresExperiment.NKey), Numbers.Format(p.Stats.Median)])], [true, true]),
        };
    }
}
