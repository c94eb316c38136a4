namespace HwLab.Lab.Reports.Svg;

/// <summary>
/// Lines of (x, y) points on linear axes, with dashed reference levels and event markers; and
/// measured points with the curve fitted to them, dots and line in one colour.
/// </summary>
internal sealed class LineChart(string id, string description, string xTitle, string yTitle)
{
    private readonly List<(string Name, IReadOnlyList<(double X, double Y)> Points)> _series = [];
    private readonly List<(string Name, IReadOnlyList<(double X, double Y)> Measured, IReadOnlyList<(double X, double Y)>? Curve)> _fitted = [];
    private readonly List<(string Name, double Y)> _levels = [];
    private readonly List<(double X, string Kind, string Label)> _markers = [];

    public bool YFromZero { get; init; } = true;

    /// <summary>Only whole-number ticks on the x axis (worker counts).</summary>
    public bool IntegerX { get; init; }

    /// <summary>Clips the y axis at this value, so a detail near the bottom is not flattened by one large reading.</summary>
    public double? YMax { get; init; }

    /// <summary>A line through the points; a point with a coordinate that is not finite is left out.</summary>
    public LineChart Add(string name, IReadOnlyList<(double X, double Y)> points)
    {
        _series.Add((name, [.. points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))]));
        return this;
    }

    /// <summary>
    /// Measured points as dots and the curve fitted to them as a solid line of the same colour;
    /// with no curve (nothing could be fitted), the dots joined by a thin dashed line. Points with a
    /// coordinate that is not finite are left out.
    /// </summary>
    public LineChart AddFitted(string name, IReadOnlyList<(double X, double Y)> measured, IReadOnlyList<(double X, double Y)>? curve)
    {
        static (double X, double Y)[] Finite(IEnumerable<(double X, double Y)> points) => [.. points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))];
        _fitted.Add((name, Finite(measured), curve is null ? null : Finite(curve)));
        return this;
    }

    /// <summary>A horizontal dashed line (a watermark, a baseline) with its name in the legend.</summary>
    public LineChart Level(string name, double y)
    {
        if (double.IsFinite(y))
        {
            _levels.Add((name, y));
        }
        return this;
    }

    /// <summary>A vertical mark at x: an event; its label is its tooltip.</summary>
    public LineChart Marker(double x, string kind, string label)
    {
        if (double.IsFinite(x))
        {
            _markers.Add((x, kind, label));
        }
        return this;
    }

    public string Render()
    {
        (double X, double Y)[] fitted = [.. _fitted.SelectMany(f => f.Measured.Concat(f.Curve ?? []))];
        double[] xs = [.. _series.SelectMany(s => s.Points.Select(p => p.X)), .. fitted.Select(p => p.X), .. _markers.Select(m => m.X)];
        double[] ys = [.. _series.SelectMany(s => s.Points.Select(p => p.Y)), .. fitted.Select(p => p.Y), .. _levels.Select(l => l.Y)];
        var x = new LinearScale(xs.DefaultIfEmpty(0).Min(), xs.DefaultIfEmpty(1).Max(), ChartStyle.Left, ChartStyle.Width - ChartStyle.Right);
        LinearScale y = LinearScale.Nice(YFromZero ? Math.Min(0, ys.DefaultIfEmpty(0).Min()) : ys.DefaultIfEmpty(0).Min(), YMax ?? ys.DefaultIfEmpty(1).Max(), ChartStyle.Height - ChartStyle.Bottom, ChartStyle.Top);

        var svg = new SvgWriter();
        svg.Open("defs").Open("clipPath", ("id", $"{id}-plot"));
        svg.Element("rect", null, ("x", ChartStyle.Left), ("y", ChartStyle.Top), ("width", ChartStyle.PlotWidth), ("height", ChartStyle.PlotHeight));
        svg.Close("clipPath").Close("defs");
        Axes.WriteY(svg, y, yTitle);
        IReadOnlyList<double> xTicks = XTicks(x);
        foreach (double tick in xTicks)
        {
            svg.Element("text", Axes.TickText(tick, xTicks), ("x", x.Map(tick)), ("y", ChartStyle.Height - ChartStyle.Bottom + 18), ("text-anchor", "middle"), ("class", "tick"));
        }
        Axes.WriteXBaseline(svg);
        Axes.WriteXTitle(svg, xTitle);

        for (int i = 0; i < _levels.Count; i++)
        {
            double py = y.Map(_levels[i].Y);
            svg.Element("line", null, ("x1", ChartStyle.Left), ("x2", ChartStyle.Width - ChartStyle.Right), ("y1", py), ("y2", py),
                ("stroke", LevelColor(i)), ("stroke-dasharray", "6 4"), ("class", "level"));
        }
        foreach ((double mx, string kind, string label) in _markers)
        {
            double px = x.Map(mx);
            svg.Open("g", ("class", $"marker marker-{kind}"));
            svg.Element("title", label);
            svg.Element("line", null, ("x1", px), ("x2", px), ("y1", ChartStyle.Top), ("y2", ChartStyle.Height - ChartStyle.Bottom), ("stroke", MarkerColor(kind)), ("stroke-width", kind == "warning" ? 1 : 2), ("opacity", kind == "warning" ? 0.5 : 0.9));
            svg.Close("g");
        }
        for (int i = 0; i < _series.Count; i++)
        {
            string points = string.Join(' ', _series[i].Points.Select(p => $"{SvgWriter.Number(x.Map(p.X))},{SvgWriter.Number(y.Map(p.Y))}"));
            svg.Element("polyline", null, ("points", points), ("fill", "none"), ("stroke", ChartStyle.Color(i)), ("stroke-width", 2.5), ("data-series", _series[i].Name), ("clip-path", $"url(#{id}-plot)"));
            foreach ((double px, double py) in _series[i].Points.Count <= 40 ? _series[i].Points.Where(p => p.Y <= y.DomainMax) : [])
            {
                svg.Element("circle", null, ("cx", x.Map(px)), ("cy", y.Map(py)), ("r", 3.5), ("fill", ChartStyle.Color(i)));
            }
        }

        for (int i = 0; i < _fitted.Count; i++)
        {
            WriteFitted(svg, x, y, _fitted[i], ChartStyle.Color(_series.Count + i));
        }

        var legend = new List<(string, string, bool)>();
        legend.AddRange(_series.Select((s, i) => (s.Name, ChartStyle.Color(i), false)));
        legend.AddRange(_fitted.Select((f, i) => (f.Name, ChartStyle.Color(_series.Count + i), f.Curve is null)));
        legend.AddRange(_levels.Select((l, i) => (l.Name, LevelColor(i), true)));
        legend.AddRange(_markers.Select(m => m.Kind).Distinct().Select(kind => (kind, MarkerColor(kind), false)));
        return Axes.Frame(id, description, legend, svg);
    }

    // The fitted curve (or, without one, the dots joined by a dashed line), then the measured dots over it.
    private void WriteFitted(SvgWriter svg, LinearScale x, LinearScale y, (string Name, IReadOnlyList<(double X, double Y)> Measured, IReadOnlyList<(double X, double Y)>? Curve) fitted, string color)
    {
        IReadOnlyList<(double X, double Y)> line = fitted.Curve ?? fitted.Measured;
        string points = string.Join(' ', line.Select(p => $"{SvgWriter.Number(x.Map(p.X))},{SvgWriter.Number(y.Map(p.Y))}"));
        svg.Element("polyline", null, ("points", points), ("fill", "none"), ("stroke", color), ("stroke-width", fitted.Curve is null ? 1.5 : 2.5),
            ("stroke-dasharray", fitted.Curve is null ? "4 3" : "none"), ("data-series", fitted.Name), ("class", fitted.Curve is null ? "measured-line" : "fit"), ("clip-path", $"url(#{id}-plot)"));
        foreach ((double px, double py) in fitted.Measured.Where(p => p.Y <= y.DomainMax))
        {
            svg.Element("circle", null, ("cx", x.Map(px)), ("cy", y.Map(py)), ("r", 4), ("fill", color), ("class", "measured"), ("data-series", fitted.Name));
        }
    }

    // Whole numbers only for counts: every one when there are few, else the round ticks that are whole.
    private IReadOnlyList<double> XTicks(LinearScale x)
    {
        if (!IntegerX)
        {
            return x.Ticks(6);
        }
        double first = Math.Ceiling(x.DomainMin);
        double last = Math.Floor(x.DomainMax);
        return last - first <= 12
            ? [.. Enumerable.Range(0, (int)(last - first) + 1).Select(i => first + i)]
            : [.. x.Ticks(6).Where(t => t == Math.Floor(t))];
    }

    private static string LevelColor(int index) => index switch
    {
        0 => "#B22222",
        1 => "#E69F00",
        _ => "#2E8B57",
    };

    private static string MarkerColor(string kind) => kind switch
    {
        "oom-kill" => "#B22222",
        "warning" => "#E69F00",
        "reaped" => "#6A3D9A",
        _ => "#2E8B57",
    };
}
