using System.Globalization;
using System.Xml.Linq;

namespace HwLab.Lab.Tests.Reports.Svg;

/// <summary>Reads back what the SVG writer wrote: parsed as XML, so a test fails on anything a browser would reject.</summary>
internal static class SvgText
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement Parse(string svg) => XElement.Parse(svg);

    public static double Number(XElement element, string attribute)
        => double.Parse(element.Attribute(attribute)?.Value ?? throw new InvalidOperationException($"<{element.Name.LocalName}> has no {attribute}"), CultureInfo.InvariantCulture);

    public static IEnumerable<XElement> All(XElement root, string name) => root.Descendants(Ns + name);

    public static IEnumerable<string> Texts(XElement root) => All(root, "text").Select(t => t.Value);

    /// <summary>Every coordinate and size the chart draws with, polyline points included, as written.</summary>
    public static IEnumerable<string> Coordinates(XElement root)
        => root.DescendantsAndSelf().SelectMany(e => e.Attributes()).SelectMany(a => a.Name.LocalName switch
        {
            "x" or "y" or "x1" or "x2" or "y1" or "y2" or "cx" or "cy" or "r" or "width" or "height" => [a.Value],
            "points" => a.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries),
            _ => [],
        });
}
