using System.Text.RegularExpressions;
using HwLab.Lab.Fleet;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Fleet;

public sealed partial class FleetReportTests
{
    private readonly FleetTables _fleet = FleetFixtures.Tables();

    private string FlippedClaim => _fleet.Claims.Single(c => c.Verdicts[0]!.Topic == FleetFixtures.FlippedTopic).Claim;

    [Fact]
    public void Markdown_marks_the_disagreeing_machine_in_its_cell_and_lists_it()
    {
        string md = FleetMarkdown.Render(_fleet);

        string row = md.Split('\n').Single(l => l.StartsWith("| The seed patch: 8-byte clusters share", StringComparison.Ordinal));
        string[] cells = [.. row.Trim('|', ' ').Split(" | ")];
        Assert.Equal(["falseshare", "confirmed (2 of 3)"], cells[1..3]);
        Assert.DoesNotContain("\u2260", cells[3], StringComparison.Ordinal);
        Assert.DoesNotContain("\u2260", cells[4], StringComparison.Ordinal);
        Assert.Equal("\u2717 refuted: 1.02 (0.97 to 1.06) \u2260 majority (confirmed, 2 of 3)", cells[5]);

        Assert.Contains($"- \u2260 majority: {FleetFixtures.OtherHost} ({FleetFixtures.OtherCpuModel}) is refuted on", md, StringComparison.Ordinal);
        // One mark in a cell, and one line below, for every machine off a majority.
        int off = _fleet.Claims.Sum(c => Enumerable.Range(0, _fleet.Machines.Count).Count(c.IsOffMajority));
        Assert.Equal(5, off);
        Assert.Equal(off, md.Split('\n').Count(l => l.StartsWith("- \u2260 majority: ", StringComparison.Ordinal)));
        Assert.Equal(off, Regex.Matches(md, "\u2260 majority \\(").Count);
    }

    [Fact]
    public void Markdown_puts_each_machine_under_its_cpu_model_and_sets_the_figures_side_by_side()
    {
        string md = FleetMarkdown.Render(_fleet);

        Assert.Contains("| claim | experiment | majority | vm#1 | vm#2 | xeon-2s |", md, StringComparison.Ordinal);
        Assert.Contains($"| CPU model |  |  | AMD EPYC | AMD EPYC | {FleetFixtures.OtherCpuModel} |", md, StringComparison.Ordinal);
        Assert.Contains("| false-sharing penalty at 8 bytes (managed) | 6.34x (against 128 bytes apart) | 4.32x (against 128 bytes apart) | 1.03x (against 128 bytes apart) |", md, StringComparison.Ordinal);
        Assert.Contains("| c2c one-way latency, one package, any cache (older results) (native) | 23.6 ns (1 pair) | 107 ns (1 pair) | 107 ns (1 pair) |", md, StringComparison.Ordinal);
        Assert.Contains("3 machines in 2 CPU models; 21 claims, 5 with machines off the majority, 0 split.", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_marks_the_disagreeing_machine_in_its_cell_and_lists_it()
    {
        string html = FleetHtml.Render(_fleet);

        string row = Rows().Matches(html).Select(m => m.Value).Single(r => r.Contains(System.Net.WebUtility.HtmlEncode(FlippedClaim), StringComparison.Ordinal));
        string[] cells = [.. Cells().Matches(row).Select(m => m.Groups[1].Value)];
        Assert.Equal(6, cells.Length);
        Assert.DoesNotContain("\u2260", cells[3], StringComparison.Ordinal);
        Assert.DoesNotContain("\u2260", cells[4], StringComparison.Ordinal);
        Assert.Contains("class=\"verdict refuted\"", cells[5], StringComparison.Ordinal);
        Assert.Contains("<strong>\u2260 majority (confirmed, 2 of 3)</strong>", cells[5], StringComparison.Ordinal);

        int start = html.IndexOf("<h3 id=\"off-majority\">", StringComparison.Ordinal);
        string list = html[start..html.IndexOf("<h2 id=\"figures\">", StringComparison.Ordinal)];
        Assert.Equal(5, Regex.Matches(list, "<li>").Count);
        Assert.Contains($"<li>\u2260 majority: {FleetFixtures.OtherHost} ({FleetFixtures.OtherCpuModel}) is refuted on", list, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_heads_each_cpu_model_over_its_machines()
    {
        string html = FleetHtml.Render(_fleet);

        Assert.Equal(2, Regex.Matches(html, $"<th colspan=\"2\">AMD EPYC</th><th colspan=\"1\">{Regex.Escape(FleetFixtures.OtherCpuModel)}</th></tr><tr><th>vm#1</th><th>vm#2</th><th>xeon-2s</th></tr>").Count);
    }

    [Fact]
    public void Html_is_one_page_that_needs_nothing_from_outside_and_uses_the_reports_style()
    {
        string html = FleetHtml.Render(_fleet);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains(HwLab.Lab.Reports.Html.HtmlStyle.Css, html, StringComparison.Ordinal);
        foreach (string outside in new[] { "<script", "<link", "<img", "<iframe", "@import", "@font-face", "url(", "http://", "https://", "src=" })
        {
            Assert.DoesNotContain(outside, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Text_from_the_documents_is_escaped_in_both_pages()
    {
        FleetInput[] inputs = [.. FleetFixtures.Inputs];
        ResultsDocument hostile = inputs[2].Document with { Machine = inputs[2].Document.Machine with { Host = "<script>x</script>\n| y |", CpuModel = "<b>cpu</b>" } };
        FleetTables fleet = FleetTables.From([inputs[0], inputs[1], inputs[2] with { Document = hostile }]);

        string html = FleetHtml.Render(fleet);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>cpu", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", html, StringComparison.Ordinal);

        string md = FleetMarkdown.Render(fleet);
        Assert.Contains(@"\<script\>x\</script\> \| y \|", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", md, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Rows();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cells();
}
