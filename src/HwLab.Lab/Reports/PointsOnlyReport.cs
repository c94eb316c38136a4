using HwLab.Lab.Results;

namespace HwLab.Lab.Reports;

/// <summary>
/// The section of an experiment with no figures of its own, and of one the catalog does not know
/// (results from another HwLab): the parts every experiment gets, its table of points first, and
/// no key its points must carry.
/// </summary>
public sealed class PointsOnlyReport : IExperimentReport
{
    public static PointsOnlyReport Instance { get; } = new();

    private PointsOnlyReport()
    {
    }

    public KeySchema PointKeys => KeySchema.None;

    public KeySchema TimelineKeys => KeySchema.None;

    public IEnumerable<ReportFigure> Figures(ExperimentResult result) => [];
}
