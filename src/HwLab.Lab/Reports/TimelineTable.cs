using HwLab.Lab.Results;

namespace HwLab.Lab.Reports;

/// <summary>A timeline as report.md gives it: a few rows sampled across it, with the events that fell between them.</summary>
internal static class TimelineTable
{
    private const int Rows = 12;

    public static ReportTable Of(Timeline timeline)
    {
        string levels = string.Join(", ", timeline.Levels.Select(l => $"{l.Key} {Numbers.Format(l.Value)}"));
        string caption = $"Timeline, {timeline.Id}: {timeline.YUnit} over {timeline.XUnit} ({levels}); the HTML report draws it in full.";
        if (timeline.Points.Count == 0)
        {
            return ReportTable.CaptionOnly(caption);
        }
        int step = Math.Max(1, timeline.Points.Count / Rows);
        var rows = new List<IReadOnlyList<string>>();
        double previous = double.NegativeInfinity;
        for (int i = 0; i < timeline.Points.Count; i += step)
        {
            TimelinePoint point = timeline.Points[i];
            TimelineMarker[] between = [.. timeline.Markers.Where(m => m.X > previous && m.X <= point.X)];
            string events = string.Join(", ", between.GroupBy(m => m.Kind).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} x{g.Count()}"));
            string level = timeline.Levels.Where(l => point.Y <= l.Value).OrderBy(l => l.Value).Select(l => $"at or below {l.Key}").FirstOrDefault() ?? "";
            rows.Add([Numbers.Format(point.X), Numbers.Format(point.Y), level, events]);
            previous = point.X;
        }
        return new ReportTable(caption, [timeline.XUnit, timeline.YUnit, "watermark", "events since the row before"], rows, [true, true, false, false]);
    }
}
