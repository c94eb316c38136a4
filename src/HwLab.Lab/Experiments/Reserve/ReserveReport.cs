using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Svg;
using HwLab.Lab.Results;

namespace HwLab.Lab.Experiments.Reserve;

/// <summary>reserve in the reports: for each policy and mode, free pages over time against the watermarks with the events marked, and a few of its rows in text.</summary>
internal sealed class ReserveReport : IExperimentReport
{
    public KeySchema PointKeys => KeySchema.None;

    public KeySchema TimelineKeys { get; } = new((ReserveKeys.Policy, KeyForm.Text), (ReserveKeys.Mode, KeyForm.Text));

    public IEnumerable<ReportFigure> Figures(ExperimentResult result)
    {
        foreach (Timeline timeline in result.Timelines)
        {
            string policy = timeline.Keys[ReserveKeys.Policy];
            string mode = timeline.Keys[ReserveKeys.Mode];
            // Zoomed to three times the high watermark: the zone starts far above it, and the story is near min.
            double zoom = Math.Min(timeline.Levels.Values.DefaultIfEmpty(1).Max() * 3, double.MaxValue);
            var chart = new LineChart($"reserve-{policy}-{mode}", $"Free pages, {timeline.Id}", $"time ({timeline.XUnit})", timeline.YUnit) { YMax = zoom };
            chart.Add("free pages", [.. timeline.Points.Select(p => (p.X, p.Y))]);
            foreach ((string name, double level) in timeline.Levels.OrderBy(l => l.Value))
            {
                chart.Level($"{name} watermark", level);
            }
            foreach (TimelineMarker marker in timeline.Markers)
            {
                chart.Marker(marker.X, marker.Kind, marker.Label);
            }
            string left = timeline.MarkersLeftOut > 0 ? $" {timeline.MarkersLeftOut} more markers are left out." : "";
            yield return new ReportFigure(
                chart.Render(),
                $"Free pages against the min, low and high watermarks, policy {policy}, {mode} run, the axis cut at {Numbers.Format(zoom)} pages; vertical marks: OOM kills (red), \"possible memory allocation deadlock\" warnings (orange), the victim exiting (green), the OOM reaper (purple).{left}")
            {
                Table = TimelineTable.Of(timeline),
            };
        }
    }
}
