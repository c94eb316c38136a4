namespace HwLab.Lab.Reports.Svg;

/// <summary>
/// Grouped bars: one group per category, one bar per series, from zero, with an optional dashed
/// reference level and optional whiskers (a range drawn over each bar, such as min to max).
/// </summary>
internal sealed class BarChart(string id, string description, string xTitle, string yTitle, IReadOnlyList<string> categories)
{
    private readonly List<(string Name, IReadOnlyList<double?> Values)> _series = [];
    private readonly Dictionary<int, IReadOnlyList<(double Low, double High)?>> _ranges = [];
    private (string Name, double Y)? _level;
    private string? _rangeName;

    public BarChart Add(string name, IReadOnlyList<double?> values)
    {
        if (values.Count != categories.Count)
        {
            throw new ArgumentException($"Series {name} has {values.Count} values for {categories.Count} categories.", nameof(values));
        }
        // A figure that is not defined (NaN) or not finite gets no bar, like one not measured.
        _series.Add((name, [.. values.Select(v => v is double d && double.IsFinite(d) ? v : null)]));
        return this;
    }

    /// <summary>Whiskers for the series added last, one range per category (null for none), named <paramref name="name"/> in the legend.</summary>
    public BarChart Ranges(string name, IReadOnlyList<(double Low, double High)?> ranges)
    {
        if (_series.Count == 0 || ranges.Count != categories.Count)
        {
            throw new ArgumentException($"Ranges need a series before them and one entry for each of the {categories.Count} categories.", nameof(ranges));
        }
        _ranges[_series.Count - 1] = [.. ranges.Select(r => r is (double low, double high) && double.IsFinite(low) && double.IsFinite(high) && low <= high ? r : null)];
        _rangeName = name;
        return this;
    }

    public BarChart Level(string name, double y)
    {
        _level = (name, y);
        return this;
    }

    public string Render()
    {
        double max = _series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value)
            .Concat(_ranges.Values.SelectMany(r => r).OfType<(double Low, double High)>().Select(r => r.High))
            .Append(_level?.Y ?? 0).DefaultIfEmpty(1).Max();
        LinearScale y = LinearScale.Nice(0, max, ChartStyle.Height - ChartStyle.Bottom, ChartStyle.Top);
        double groupWidth = ChartStyle.PlotWidth / Math.Max(1, categories.Count);
        double barWidth = groupWidth * 0.8 / Math.Max(1, _series.Count);

        var svg = new SvgWriter();
        Axes.WriteY(svg, y, yTitle);
        for (int c = 0; c < categories.Count; c++)
        {
            double groupLeft = ChartStyle.Left + (c * groupWidth) + (groupWidth * 0.1);
            for (int s = 0; s < _series.Count; s++)
            {
                if (_series[s].Values[c] is not double value)
                {
                    continue;
                }
                double top = y.Map(value);
                double bottom = y.Map(0);
                svg.Open("rect", ("x", groupLeft + (s * barWidth)), ("y", Math.Min(top, bottom)), ("width", barWidth * 0.92), ("height", Math.Abs(bottom - top)), ("fill", ChartStyle.Color(s)), ("data-series", _series[s].Name), ("data-category", categories[c]));
                (double Low, double High)? range = _ranges.TryGetValue(s, out IReadOnlyList<(double Low, double High)?>? ranges) ? ranges[c] : null;
                string rangeText = range is (double low, double high) ? $" ({_rangeName}: {Numbers.Format(low)} to {Numbers.Format(high)})" : "";
                svg.Element("title", $"{_series[s].Name}, {categories[c]}: {Numbers.Format(value)}{rangeText}");
                svg.Close("rect");
                if (range is (double from, double to))
                {
                    double middle = groupLeft + (s * barWidth) + (barWidth * 0.46);
                    double cap = barWidth * 0.2;
                    svg.Element("line", null, ("x1", middle), ("x2", middle), ("y1", y.Map(from)), ("y2", y.Map(to)), ("stroke", "#444"), ("class", "range"));
                    svg.Element("line", null, ("x1", middle - cap), ("x2", middle + cap), ("y1", y.Map(from)), ("y2", y.Map(from)), ("stroke", "#444"), ("class", "range"));
                    svg.Element("line", null, ("x1", middle - cap), ("x2", middle + cap), ("y1", y.Map(to)), ("y2", y.Map(to)), ("stroke", "#444"), ("class", "range"));
                }
            }
            svg.Element("text", categories[c], ("x", ChartStyle.Left + (c * groupWidth) + (groupWidth / 2)), ("y", ChartStyle.Height - ChartStyle.Bottom + 18), ("text-anchor", "middle"), ("class", "tick"));
        }
        if (_level is (string name, double level))
        {
            double py = y.Map(level);
            svg.Element("line", null, ("x1", ChartStyle.Left), ("x2", ChartStyle.Width - ChartStyle.Right), ("y1", py), ("y2", py), ("stroke", "#444"), ("stroke-dasharray", "6 4"), ("class", "level"));
        }
        Axes.WriteXBaseline(svg);
        Axes.WriteXTitle(svg, xTitle);
        var legend = _series.Select((s, i) => (s.Name, ChartStyle.Color(i), false)).ToList();
        if (_level is (string levelName, _))
        {
            legend.Add((levelName, "#444", true));
        }
        if (_rangeName is not null)
        {
            legend.Add((_rangeName, "#444", false));
        }
        return Axes.Frame(id, description, legend, svg);
    }
}
