namespace HwLab.Lab.Reports.Svg;

/// <summary>The frame every x/y chart draws: gridlines, tick labels, axis titles (with units) and a legend.</summary>
internal static class Axes
{
    public static void WriteY(SvgWriter svg, LinearScale y, string title)
    {
        IReadOnlyList<double> ticks = y.Ticks();
        foreach (double tick in ticks)
        {
            double py = y.Map(tick);
            svg.Element("line", null, ("x1", ChartStyle.Left), ("x2", ChartStyle.Width - ChartStyle.Right), ("y1", py), ("y2", py), ("class", "grid"));
            svg.Element("text", TickText(tick, ticks), ("x", ChartStyle.Left - 8), ("y", py + 4), ("text-anchor", "end"), ("class", "tick"));
        }
        double middle = ChartStyle.Top + (ChartStyle.PlotHeight / 2);
        svg.Element("text", title, ("x", 16), ("y", middle), ("transform", $"rotate(-90 16 {SvgWriter.Number(middle)})"), ("text-anchor", "middle"), ("class", "axis-title"));
    }

    public static void WriteXTitle(SvgWriter svg, string title)
        => svg.Element("text", title, ("x", ChartStyle.Left + (ChartStyle.PlotWidth / 2)), ("y", ChartStyle.Height - 12), ("text-anchor", "middle"), ("class", "axis-title"));

    public static void WriteXBaseline(SvgWriter svg)
    {
        double bottom = ChartStyle.Height - ChartStyle.Bottom;
        svg.Element("line", null, ("x1", ChartStyle.Left), ("x2", ChartStyle.Width - ChartStyle.Right), ("y1", bottom), ("y2", bottom), ("class", "axis"));
        svg.Element("line", null, ("x1", ChartStyle.Left), ("x2", ChartStyle.Left), ("y1", ChartStyle.Top), ("y2", bottom), ("class", "axis"));
    }

    /// <summary>
    /// A tick label: whole numbers without decimals, and on an axis whose largest tick reaches ten
    /// thousand every label in k (or a million, in M), so one axis never mixes 8,000 with 10k.
    /// </summary>
    public static string TickText(double value, IReadOnlyList<double> axisTicks)
    {
        ArgumentNullException.ThrowIfNull(axisTicks);
        double largest = axisTicks.Count == 0 ? Math.Abs(value) : axisTicks.Max(Math.Abs);
        System.Globalization.CultureInfo invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (value == 0)
        {
            return "0";
        }
        // Far beyond millions, or far below one thousandth, the axis reads in powers of ten.
        if (largest >= 1e12 || largest < 1e-3)
        {
            return Numbers.Scientific(value);
        }
        if (largest >= 1e6)
        {
            return (value / 1e6).ToString("0.##", invariant) + "M";
        }
        if (largest >= 1e4)
        {
            return (value / 1e3).ToString("0.##", invariant) + "k";
        }
        return value.ToString("#,0.###", invariant);
    }

    /// <summary>
    /// A whole chart: the svg element (found by the report's checks through class and data-chart),
    /// the legend across the top in as many rows as its entries need, and the body below it, moved
    /// down by the legend's extra rows so that no entry is cut off or drawn over the plot.
    /// </summary>
    public static string Frame(string id, string description, IReadOnlyList<(string Name, string Color, bool Dashed)> legend, SvgWriter body)
    {
        var placed = new List<(string Name, string Color, bool Dashed, double X, int Row)>();
        double x = ChartStyle.Left;
        int row = 0;
        foreach ((string name, string color, bool dashed) in legend)
        {
            double width = 40 + (name.Length * LegendCharWidth);
            if (x > ChartStyle.Left && x + width - 14 > ChartStyle.Width - ChartStyle.Right)
            {
                row++;
                x = ChartStyle.Left;
            }
            placed.Add((name, color, dashed, x, row));
            x += width;
        }
        double extra = placed.Count == 0 ? 0 : row * LegendRowHeight;
        double height = ChartStyle.Height + extra;

        var svg = new SvgWriter();
        svg.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart"), ("data-chart", id), ("role", "img"), ("aria-label", description),
            ("width", ChartStyle.Width), ("height", height), ("viewBox", $"0 0 {SvgWriter.Number(ChartStyle.Width)} {SvgWriter.Number(height)}"));
        if (placed.Count > 0)
        {
            svg.Open("g", ("class", "legend"));
            foreach ((string name, string color, bool dashed, double px, int r) in placed)
            {
                double y = 18 + (r * LegendRowHeight);
                svg.Element("line", null, ("x1", px), ("x2", px + 18), ("y1", y), ("y2", y), ("stroke", color), ("stroke-width", 3), ("stroke-dasharray", dashed ? "5 3" : "none"));
                svg.Element("text", name, ("x", px + 23), ("y", y + 4), ("class", "legend-text"));
            }
            svg.Close("g");
        }
        if (extra > 0)
        {
            svg.Open("g", ("transform", $"translate(0 {SvgWriter.Number(extra)})")).Append(body).Close("g");
        }
        else
        {
            svg.Append(body);
        }
        return svg.Close("svg").ToString();
    }

    // The legend's 12 px text is about this wide per character; entries wrap on this estimate.
    private const double LegendCharWidth = 7.2;
    private const double LegendRowHeight = 18;
}
