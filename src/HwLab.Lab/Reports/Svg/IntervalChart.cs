namespace HwLab.Lab.Reports.Svg;

/// <summary>
/// A claim's decision drawn small, beside its verdict: each row's 95% interval as a bar with the
/// figure as a tick, the claim's threshold as a vertical line (a "within" claim's band shaded), on
/// one scale that holds threshold, band and every interval with room either side. A row without a
/// finite interval gets no bar but its reason in words. Not a <c>chart</c>: the report's chart
/// checks and the chart frame (legend, axis titles) are for the experiments' charts.
/// </summary>
/// <param name="description">The whole picture in words: its title and aria-label.</param>
/// <param name="thresholdLabel">The claim's threshold in words, written over its line ("above 1.10").</param>
/// <param name="band">A "within" claim's band; null for the others.</param>
internal sealed class IntervalChart(string description, string thresholdLabel, double threshold, (double Low, double High)? band)
{
    public const double Width = 600;
    public const double PlotLeft = 150;
    public const double PlotRight = 470;
    public const double Top = 22;
    public const double RowHeight = 24;
    private const double Bottom = 22;

    // A share of the drawn span left free either side, so that no end sits on the frame.
    private const double Padding = 0.15;

    private readonly List<Row> _rows = [];

    /// <summary>One row: a label (the placement group, or the rounds the verdict used), its interval and figure, its outcome in words, and the bar's colour.</summary>
    /// <param name="noInterval">What the row says instead of a bar when an end is missing or not finite.</param>
    public IntervalChart Add(string label, double? figure, double? low, double? high, string outcome, string color, string noInterval)
    {
        bool drawable = low is double l && high is double h && double.IsFinite(l) && double.IsFinite(h) && l <= h;
        _rows.Add(new Row(label, figure is double f && double.IsFinite(f) ? f : null, drawable ? (low!.Value, high!.Value) : null, outcome, color, noInterval));
        return this;
    }

    public string Render()
    {
        if (!double.IsFinite(threshold))
        {
            throw new InvalidOperationException($"A threshold of {threshold} cannot be drawn.");
        }
        LinearScale x = Scale();
        double rowsBottom = Top + (_rows.Count * RowHeight);
        double height = rowsBottom + Bottom;

        var svg = new SvgWriter();
        svg.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("class", "interval"), ("role", "img"), ("aria-label", description),
            ("width", Width), ("height", height), ("viewBox", $"0 0 {SvgWriter.Number(Width)} {SvgWriter.Number(height)}"));
        svg.Element("title", description);
        IReadOnlyList<double> ticks = x.Ticks(4);
        foreach (double tick in ticks)
        {
            double px = x.Map(tick);
            svg.Element("line", null, ("x1", px), ("x2", px), ("y1", Top), ("y2", rowsBottom), ("class", "grid"));
            svg.Element("text", Axes.TickText(tick, ticks), ("x", px), ("y", height - 6), ("text-anchor", "middle"), ("class", "tick"));
        }
        if (band is (double low, double high) && double.IsFinite(low) && double.IsFinite(high) && low <= high)
        {
            svg.Open("rect", ("x", x.Map(low)), ("y", Top), ("width", x.Map(high) - x.Map(low)), ("height", rowsBottom - Top), ("class", "band"), ("fill", "#56B4E9"), ("fill-opacity", 0.25));
            svg.Element("title", $"the claimed band, {Numbers.Precise(low)} to {Numbers.Precise(high)}");
            svg.Close("rect");
        }
        double tx = x.Map(threshold);
        svg.Element("line", null, ("x1", tx), ("x2", tx), ("y1", Top - 6), ("y2", rowsBottom), ("class", "threshold"), ("stroke", "#000"), ("stroke-width", 1.5), ("stroke-dasharray", "4 3"));
        svg.Element("text", $"claim: {thresholdLabel}", ("x", tx), ("y", Top - 9), ("text-anchor", "middle"), ("class", "tick"));
        for (int i = 0; i < _rows.Count; i++)
        {
            WriteRow(svg, x, _rows[i], Top + (i * RowHeight) + (RowHeight / 2));
        }
        return svg.Close("svg").ToString();
    }

    private static void WriteRow(SvgWriter svg, LinearScale x, Row row, double cy)
    {
        svg.Element("text", row.Label, ("x", PlotLeft - 10), ("y", cy + 4), ("text-anchor", "end"), ("class", "tick"));
        if (row.Interval is (double low, double high))
        {
            // A stroke as well as a fill: an interval of one value (exact arithmetic) still shows, as a line.
            svg.Open("rect", ("x", x.Map(low)), ("y", cy - 5), ("width", x.Map(high) - x.Map(low)), ("height", 10), ("class", "interval-bar"),
                ("fill", row.Color), ("fill-opacity", 0.55), ("stroke", row.Color), ("data-low", Numbers.Precise(low)), ("data-high", Numbers.Precise(high)));
            svg.Element("title", $"{row.Label}: 95% interval {Numbers.Precise(low)} to {Numbers.Precise(high)}");
            svg.Close("rect");
            if (row.Figure is double figure)
            {
                double fx = x.Map(figure);
                svg.Element("line", null, ("x1", fx), ("x2", fx), ("y1", cy - 9), ("y2", cy + 9), ("class", "figure"), ("stroke", "#000"), ("stroke-width", 2));
            }
        }
        else
        {
            // A white halo under the words keeps them legible where they cross the threshold line.
            svg.Element("text", row.NoInterval, ("x", PlotLeft + 4), ("y", cy + 4), ("class", "no-interval"), ("stroke", "#fff"), ("stroke-width", 3), ("paint-order", "stroke"));
        }
        svg.Element("text", row.Outcome, ("x", PlotRight + 12), ("y", cy + 4), ("class", "tick"));
    }

    // Threshold, band and every drawable end and figure, widened by the padding and then to nice ticks.
    private LinearScale Scale()
    {
        IEnumerable<double> values = _rows.SelectMany(r => r.Interval is (double l, double h) ? new[] { l, h } : [])
            .Concat(_rows.Where(r => r.Interval is not null && r.Figure is not null).Select(r => r.Figure!.Value))
            .Append(threshold);
        if (band is (double bandLow, double bandHigh) && double.IsFinite(bandLow) && double.IsFinite(bandHigh))
        {
            values = values.Append(bandLow).Append(bandHigh);
        }
        double[] all = [.. values];
        double min = all.Min();
        double max = all.Max();
        // Halves, as LinearScale works: max - min itself overflows near the ends of the double range.
        double pad = ((max / 2) - (min / 2)) * 2 * Padding;
        if (!(pad > 0))
        {
            pad = min == 0 ? 1 : Math.Abs(min) * Padding;
        }
        return LinearScale.Nice(Math.Max(min - pad, double.MinValue), Math.Min(max + pad, double.MaxValue), PlotLeft, PlotRight, 4);
    }

    private sealed record Row(string Label, double? Figure, (double Low, double High)? Interval, string Outcome, string Color, string NoInterval);
}
