using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HwLab.Lab.Fleet;

/// <summary>
/// fleet.csv: one row per machine and point, for spreadsheets and notebooks, in RFC 4180 form:
/// a header row, CRLF line ends, and a field quoted (its quotes doubled) when it holds a comma,
/// a quote or a line break. Numbers are written in the invariant culture with as many digits as
/// read back to the same double; an interval end the point does not have is an empty field.
/// </summary>
public static class FleetCsv
{
    // Relaxed escaping: the text goes into CSV, not HTML, so "+" or "<" in a value stay readable.
    private static readonly JsonSerializerOptions s_keysOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The columns, as the header row names them (docs/results-schema.md describes each).</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["machine", "host", "cpu_model", "experiment", "point", "keys", "metric", "unit", "median", "ci_lower", "ci_upper", "n"];

    public static string Render(IReadOnlyList<FleetPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var csv = new StringBuilder();
        WriteRow(csv, Columns);
        foreach (FleetPoint row in points)
        {
            WriteRow(csv,
            [
                row.Machine,
                row.Host,
                row.CpuModel,
                row.Experiment,
                row.Point.Id,
                KeysText(row.Point.Keys),
                row.Point.Metric,
                row.Point.Unit,
                Number(row.Point.Stats.Median),
                row.Point.Stats.MedianCiLower is double low ? Number(low) : "",
                row.Point.Stats.MedianCiUpper is double high ? Number(high) : "",
                row.Point.Stats.N.ToString(CultureInfo.InvariantCulture),
            ]);
        }
        return csv.ToString();
    }

    /// <summary>The point's keys as one JSON object, name to value in the point's order: unambiguous whatever a value holds, and one call to parse.</summary>
    public static string KeysText(IReadOnlyDictionary<string, string> keys) => JsonSerializer.Serialize(keys, s_keysOptions);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteRow(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }
            csv.Append(Field(fields[i]));
        }
        csv.Append("\r\n");
    }

    private static string Field(string text)
        => text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
