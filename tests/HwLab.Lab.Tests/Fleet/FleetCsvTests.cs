using System.Globalization;
using System.Text.Json;
using HwLab.Lab.Fleet;
using HwLab.Lab.Results;
using Microsoft.VisualBasic.FileIO;

namespace HwLab.Lab.Tests.Fleet;

public sealed class FleetCsvTests
{
    [Fact]
    public void Parsed_back_the_csv_gives_every_point_of_every_machine_with_the_same_values()
    {
        FleetTables fleet = FleetFixtures.Tables();

        List<string[]> rows = Parse(FleetCsv.Render(fleet.Points));

        Assert.Equal(FleetCsv.Columns, rows[0]);
        Assert.Equal(fleet.Points.Count, rows.Count - 1);
        foreach ((FleetPoint expected, string[] row) in fleet.Points.Zip(rows.Skip(1)))
        {
            AssertRow(expected, row);
        }
    }

    [Fact]
    public void Fields_with_commas_quotes_and_line_breaks_round_trip()
    {
        FleetInput[] inputs = [.. FleetFixtures.Inputs];
        ResultsDocument odd = inputs[0].Document with { Machine = inputs[0].Document.Machine with { Host = "rack 4, \"b\"\r\nslot 2", CpuModel = "CPU \"x\", rev\n2" } };
        FleetTables fleet = FleetTables.From([inputs[0] with { Document = odd }]);

        string csv = FleetCsv.Render(fleet.Points);
        List<string[]> rows = Parse(csv);

        Assert.Equal(fleet.Points.Count + 1, rows.Count);
        Assert.All(rows.Skip(1), row => Assert.Equal(("rack 4, \"b\"\r\nslot 2", "CPU \"x\", rev\n2"), (row[1], row[2])));
        Assert.All(fleet.Points.Zip(rows.Skip(1)), pair => AssertRow(pair.First, pair.Second));
    }

    [Fact]
    public void Records_end_with_crlf_and_a_field_is_quoted_only_when_it_must_be()
    {
        string csv = FleetCsv.Render(FleetFixtures.Tables().Points);

        Assert.StartsWith("machine,host,cpu_model,experiment,point,keys,metric,unit,median,ci_lower,ci_upper,n\r\n", csv, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", csv.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        string falseshare = csv.Split("\r\n").First(l => l.StartsWith("vm#1,vm,AMD EPYC,falseshare,", StringComparison.Ordinal));
        Assert.StartsWith("vm#1,vm,AMD EPYC,falseshare,distance=8 impl=managed,\"{\"\"distance\"\":\"\"8\"\",\"\"impl\"\":\"\"managed\"\"}\",ns per lock/unlock pair (mean of the workers),ns,", falseshare, StringComparison.Ordinal);
    }

    private static void AssertRow(FleetPoint expected, string[] row)
    {
        Statistics stats = expected.Point.Stats;
        Assert.Equal(FleetCsv.Columns.Count, row.Length);
        Assert.Equal([expected.Machine, expected.Host, expected.CpuModel, expected.Experiment, expected.Point.Id], row[..5]);
        Assert.Equal(expected.Point.Keys, JsonSerializer.Deserialize<Dictionary<string, string>>(row[5]));
        Assert.Equal([expected.Point.Metric, expected.Point.Unit], row[6..8]);
        Assert.Equal(stats.Median, double.Parse(row[8], CultureInfo.InvariantCulture));
        Assert.Equal(stats.MedianCiLower, row[9].Length == 0 ? null : double.Parse(row[9], CultureInfo.InvariantCulture));
        Assert.Equal(stats.MedianCiUpper, row[10].Length == 0 ? null : double.Parse(row[10], CultureInfo.InvariantCulture));
        Assert.Equal(stats.N, int.Parse(row[11], CultureInfo.InvariantCulture));
    }

    // The framework's own RFC 4180 reader, not one written to match the writer.
    private static List<string[]> Parse(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }
        return rows;
    }
}
