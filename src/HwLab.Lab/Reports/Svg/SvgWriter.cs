using System.Globalization;
using System.Text;
using HwLab.Lab.Reports.Html;

namespace HwLab.Lab.Reports.Svg;

/// <summary>Writes SVG elements with every attribute and text escaped (<see cref="HtmlText.Encode"/>); numbers in invariant culture.</summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _text = new();

    public SvgWriter Open(string name, params (string Name, object Value)[] attributes)
    {
        _text.Append('<').Append(name);
        WriteAttributes(attributes);
        _text.Append('>');
        return this;
    }

    public SvgWriter Close(string name)
    {
        _text.Append("</").Append(name).Append('>');
        return this;
    }

    /// <summary>An element with optional text content (escaped).</summary>
    public SvgWriter Element(string name, string? content, params (string Name, object Value)[] attributes)
    {
        _text.Append('<').Append(name);
        WriteAttributes(attributes);
        if (content is null)
        {
            _text.Append("/>");
        }
        else
        {
            _text.Append('>').Append(HtmlText.Encode(content)).Append("</").Append(name).Append('>');
        }
        return this;
    }

    /// <summary>Appends what another writer wrote (already escaped).</summary>
    public SvgWriter Append(SvgWriter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _text.Append(other._text);
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>A coordinate or size with two decimals at most. The charts leave out figures that are not finite, so NaN or an infinity here is a bug, refused rather than drawn.</summary>
    public static string Number(double value)
        => double.IsFinite(value)
            ? Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "An SVG number must be finite.");

    private void WriteAttributes((string Name, object Value)[] attributes)
    {
        foreach ((string name, object value) in attributes)
        {
            string text = value switch
            {
                double d => Number(d),
                float f => Number(f),
                int i => i.ToString(CultureInfo.InvariantCulture),
                long l => l.ToString(CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            _text.Append(' ').Append(name).Append("=\"").Append(HtmlText.Encode(text)).Append('"');
        }
    }
}
