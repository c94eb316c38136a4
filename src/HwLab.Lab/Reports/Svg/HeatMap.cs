namespace HwLab.Lab.Reports.Svg;

/// <summary>A square matrix of values as coloured cells (light = low, dark = high), with a colour legend in the value's unit; rows and columns are the items the axis title names (CPU, L3 domain).</summary>
internal sealed class HeatMap(string id, string description, string axisTitle, string valueTitle, IReadOnlyList<string> labels, double?[,] values)
{
    public string Render()
    {
        int n = labels.Count;
        double[] present = [.. values.Cast<double?>().Where(v => v is double d && double.IsFinite(d)).Select(v => v!.Value)];
        double min = present.DefaultIfEmpty(0).Min();
        double max = present.DefaultIfEmpty(1).Max();
        double plot = Math.Min(ChartStyle.PlotHeight, ChartStyle.PlotWidth - 140);
        double cell = plot / Math.Max(1, n);
        double left = ChartStyle.Left;
        double top = ChartStyle.Top;

        var svg = new SvgWriter();
        // Pairs not measured show the grey ground; only measured pairs get a cell of their own, so a
        // large machine whose pairs were sampled does not write a rectangle for every CPU pair.
        svg.Element("rect", null, ("x", left), ("y", top), ("width", plot), ("height", plot), ("fill", NotMeasured), ("class", "unmeasured"));
        for (int row = 0; row < n; row++)
        {
            for (int col = 0; col < n; col++)
            {
                // Not measured, or a figure that is not finite: the grey ground shows.
                if (values[row, col] is not double value || !double.IsFinite(value))
                {
                    continue;
                }
                svg.Open("rect", ("x", left + (col * cell)), ("y", top + (row * cell)), ("width", cell), ("height", cell),
                    ("fill", Shade(value, min, max)), ("stroke", "#fff"), ("stroke-width", n <= 64 ? 0.5 : 0));
                svg.Element("title", $"{axisTitle} {labels[row]} to {axisTitle} {labels[col]}: {Numbers.Format(value)}");
                svg.Close("rect");
                // The value in the cell only where it fits: three digits of 12 px text overflow a
                // cell much under 32 px (16 rows get 17 px each).
                if (cell >= MinTextCell)
                {
                    svg.Element("text", Numbers.Format(value), ("x", left + ((col + 0.5) * cell)), ("y", top + ((row + 0.5) * cell) + 4), ("text-anchor", "middle"),
                        ("class", "cell"), ("fill", LinearScale.Fraction(value, min, max) > 0.6 ? "#fff" : "#111"));
                }
            }
        }
        int every = Math.Max(1, n / 16);
        for (int i = 0; i < n; i += every)
        {
            svg.Element("text", labels[i], ("x", left - 6), ("y", top + ((i + 0.5) * cell) + 4), ("text-anchor", "end"), ("class", "tick"));
            svg.Element("text", labels[i], ("x", left + ((i + 0.5) * cell)), ("y", top + plot + 16), ("text-anchor", "middle"), ("class", "tick"));
        }
        svg.Element("text", axisTitle, ("x", left + (plot / 2)), ("y", ChartStyle.Height - 12), ("text-anchor", "middle"), ("class", "axis-title"));
        svg.Element("text", axisTitle, ("x", 18), ("y", top + (plot / 2)), ("transform", $"rotate(-90 18 {SvgWriter.Number(top + (plot / 2))})"), ("text-anchor", "middle"), ("class", "axis-title"));

        // Legend: a gradient bar from min to max, in the value's unit.
        double legendLeft = left + plot + 40;
        svg.Open("defs").Open("linearGradient", ("id", $"{id}-scale"), ("x1", 0), ("x2", 0), ("y1", 1), ("y2", 0));
        svg.Element("stop", null, ("offset", 0), ("stop-color", Shade(min, min, max)));
        svg.Element("stop", null, ("offset", 1), ("stop-color", Shade(max, min, max)));
        svg.Close("linearGradient").Close("defs");
        svg.Element("rect", null, ("x", legendLeft), ("y", top), ("width", 18), ("height", plot), ("fill", $"url(#{id}-scale)"), ("class", "legend"));
        svg.Element("text", Numbers.Format(max), ("x", legendLeft + 24), ("y", top + 10), ("class", "tick"));
        svg.Element("text", Numbers.Format(min), ("x", legendLeft + 24), ("y", top + plot), ("class", "tick"));
        svg.Element("text", valueTitle, ("x", legendLeft), ("y", top - 12), ("class", "legend-text"));
        return Axes.Frame(id, description, [], svg);
    }

    private const string NotMeasured = "#f2f2f2";

    private const double MinTextCell = 32;

    // From a pale blue at the minimum to a deep blue at the maximum.
    private static string Shade(double value, double min, double max)
    {
        double t = Math.Clamp(LinearScale.Fraction(value, min, max), 0, 1);
        int r = (int)Math.Round(222 + ((8 - 222) * t));
        int g = (int)Math.Round(235 + ((48 - 235) * t));
        int b = (int)Math.Round(247 + ((107 - 247) * t));
        return $"#{r:x2}{g:x2}{b:x2}";
    }
}
