using System.Text.RegularExpressions;
using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Html;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Reports;

/// <summary>
/// Text in a results document comes from the machine and the command line and may hold anything:
/// in report.md it adds no markup and never breaks a table row or a line; in report.html it is
/// text, never markup.
/// </summary>
public sealed partial class ReportEscapingTests
{
    private const string Host = "<script>alert(1)</script>\n| x |";

    [Fact]
    public void Markdown_keeps_every_table_row_whole_and_holds_no_raw_html()
    {
        string report = MarkdownReport.Render(Hostile());

        Assert.Empty(UnescapedAngleBracket().Matches(report));
        Assert.DoesNotContain("\r", report, StringComparison.Ordinal);
        foreach (string[] table in Tables(report))
        {
            int columns = UnescapedPipe().Matches(table[0]).Count;
            Assert.All(table, row => Assert.Equal(columns, UnescapedPipe().Matches(row).Count));
        }
        string measured = Assert.Single(report.Split('\n'), l => l.StartsWith("Measured on", StringComparison.Ordinal));
        Assert.Contains(@"**\<script\>alert(1)\</script\> \| x \|**", measured, StringComparison.Ordinal);
        Assert.Contains(@"Command: hwlab suite --out a\|b rm -rf \`x\` \*now\*.", measured, StringComparison.Ordinal);
        Assert.Contains(@"| 6.18 \| evil |", report, StringComparison.Ordinal);
        Assert.Contains(@"**interrupted**: \<b\>boom\</b\> \| \[link\](x).", report, StringComparison.Ordinal);
        Assert.Contains(@"> note \| with \<i\>html\</i\> and a second line", report, StringComparison.Ordinal);
        Assert.Contains(@"cpus = 0\|1 \<x\>", report, StringComparison.Ordinal);
        Assert.Contains(@"| distance=8 impl=\<img src=x\> |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_shows_the_same_text_as_text()
    {
        string html = HtmlReport.Render(Hostile());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>boom", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>html", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("impl=&lt;img src=x&gt;", html, StringComparison.Ordinal);
    }

    private static ResultsDocument Hostile()
    {
        ExperimentResult sample = SampleDocuments.Experiment();
        PointResult point = sample.Points[0];
        var keys = new Dictionary<string, string> { ["distance"] = "8", ["impl"] = "<img src=x>" };
        ExperimentResult experiment = sample with
        {
            Status = ExperimentStatus.Interrupted,
            Error = "<b>boom</b>\n| [link](x)",
            Parameters = new Dictionary<string, string> { ["cpus"] = "0|1\n<x>" },
            Points = [point with { Id = PointResult.IdOf(keys), Keys = keys }, sample.Points[1]],
            Verdicts = [new Verdict("a | claim\nover two lines", "`3x`", VerdictOutcome.Confirmed, "<em>because</em>")],
            Notes = ["note | with <i>html</i>\nand a second line"],
        };
        return SampleDocuments.Document(experiment) with
        {
            Machine = SampleDocuments.Machine() with { Host = Host, CpuModel = "AMD *EPYC* `x`", KernelRelease = "6.18 | evil", Os = "Linux\r\nnew line", HypervisorVendor = "[KVM](http://x)" },
            CommandLine = "hwlab suite --out a|b\nrm -rf `x` *now*",
        };
    }

    // Consecutive lines that start with a pipe.
    private static IEnumerable<string[]> Tables(string report)
    {
        var table = new List<string>();
        foreach (string line in report.Split('\n'))
        {
            if (line.StartsWith('|'))
            {
                table.Add(line);
            }
            else if (table.Count > 0)
            {
                yield return [.. table];
                table.Clear();
            }
        }
    }

    [GeneratedRegex(@"(?<!\\)<")]
    private static partial Regex UnescapedAngleBracket();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
