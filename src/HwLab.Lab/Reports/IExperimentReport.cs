using HwLab.Lab.Results;

namespace HwLab.Lab.Reports;

/// <summary>
/// What one experiment shows in report.html and report.md beyond the parts every experiment gets
/// (status, sampling, verdicts, the table of points, settings and notes), drawn from its results
/// alone: `hwlab report DIR` renders it again from results.json with no experiment run.
/// </summary>
public interface IExperimentReport
{
    /// <summary>The keys its points carry that <see cref="Figures"/> looks up and parses; results naming the experiment are refused on reading without them.</summary>
    KeySchema PointKeys { get; }

    /// <summary>The same for its timelines.</summary>
    KeySchema TimelineKeys { get; }

    /// <summary>Its figures, in the order both reports show them; none where the result holds nothing to draw (a failed run).</summary>
    IEnumerable<ReportFigure> Figures(ExperimentResult result);
}
