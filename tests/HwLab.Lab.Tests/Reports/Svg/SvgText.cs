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
}
