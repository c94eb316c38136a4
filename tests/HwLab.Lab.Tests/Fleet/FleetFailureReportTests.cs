using HwLab.Lab.Fleet;

namespace HwLab.Lab.Tests.Fleet;

public sealed class FleetFailureReportTests
{
    private static readonly FleetFailure s_failed = new("out/web-3", FleetFixtures.FailedHost, "check", FleetFixtures.FailedReason, FleetFixtures.FailedTime);

    // The version-2 run and the other machine, which disagree on the flipped claim, and one machine that failed.
    private static FleetTables TwoMachinesAndOneFailed() => FleetTables.From([FleetFixtures.Inputs[1], FleetFixtures.Inputs[2]], [s_failed]);

    [Fact]
    public void A_failed_machine_has_no_column_and_no_vote()
    {
        FleetTables fleet = TwoMachinesAndOneFailed();

        Assert.Equal(["vm", FleetFixtures.OtherHost], fleet.Machines.Select(m => m.Label));
        Assert.Equal([s_failed], fleet.Failures);
        Assert.All(fleet.Claims, c => Assert.Equal(2, c.Verdicts.Count));
        FleetClaim flipped = fleet.Claims.Single(c => c.Verdicts[0]?.Topic == FleetFixtures.FlippedTopic);
        Assert.True(flipped.IsSplit);
        Assert.DoesNotContain(fleet.Points, p => p.Host == FleetFixtures.FailedHost);
    }

    [Fact]
    public void Markdown_lists_the_failed_machine_apart_with_its_stage_and_reason()
    {
        FleetTables fleet = TwoMachinesAndOneFailed();

        string md = FleetMarkdown.Render(fleet);

        Assert.Contains("; 1 machine failed.", FleetText.Summary(fleet), StringComparison.Ordinal);
        Assert.StartsWith("2 machines in 2 CPU models; ", FleetText.Summary(fleet), StringComparison.Ordinal);
        string section = md[md.IndexOf("## Failed machines", StringComparison.Ordinal)..md.IndexOf("## Verdicts per machine", StringComparison.Ordinal)];
        Assert.Contains("| host | stage | reason | failed (UTC) | directory |", section, StringComparison.Ordinal);
        Assert.Contains("| web-3 | check | work directory /x not writable | 2026-11-29 05:21 | out/web-3 |", section, StringComparison.Ordinal);
        Assert.Contains($"| claim | experiment | majority | vm | {FleetFixtures.OtherHost} |", md, StringComparison.Ordinal);
        Assert.Single(md.Split('\n'), l => l.Contains("web-3", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_lists_the_failed_machine_apart_with_its_stage_and_reason()
    {
        string html = FleetHtml.Render(TwoMachinesAndOneFailed());

        string section = html[html.IndexOf("<h2 id=\"failed\">", StringComparison.Ordinal)..html.IndexOf("<h2 id=\"verdicts\">", StringComparison.Ordinal)];
        Assert.Contains("<tr><td>web-3</td><td>check</td><td>work directory /x not writable</td><td>2026-11-29 05:21</td><td>out/web-3</td></tr>", section, StringComparison.Ordinal);
        Assert.Contains($"<tr><th>vm</th><th>{FleetFixtures.OtherHost}</th></tr>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>web-3</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fleet_of_failures_alone_lists_them_and_says_no_results_were_read()
    {
        FleetFailure other = new("out/db-1", "db-1", "timeout", "<no answer> after 3600 s", FleetFixtures.FailedTime);
        FleetTables fleet = FleetTables.From([], [s_failed, other]);

        string md = FleetMarkdown.Render(fleet);
        string html = FleetHtml.Render(fleet);

        Assert.Equal("0 machines in 0 CPU models; 0 claims, 0 with machines off the majority, 0 split; 2 machines failed.", FleetText.Summary(fleet));
        foreach (string text in new[] { FleetText.NoMachines, FleetText.NoVerdicts, FleetText.NoFigures })
        {
            Assert.Contains(text, md, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(text), html, StringComparison.Ordinal);
        }
        Assert.Contains(@"| db-1 | timeout | \<no answer\> after 3600 s | 2026-11-29 05:21 | out/db-1 |", md, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;no answer&gt; after 3600 s</td>", html, StringComparison.Ordinal);
        Assert.Equal(["machine,host,cpu_model,experiment,point,keys,metric,unit,median,ci_lower,ci_upper,n", ""], FleetCsv.Render(fleet.Points).Split("\r\n"));
    }

    [Fact]
    public void A_fleet_without_failures_has_no_failed_section()
    {
        FleetTables fleet = FleetFixtures.Tables();

        Assert.DoesNotContain("Failed machines", FleetMarkdown.Render(fleet), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"failed\"", FleetHtml.Render(fleet), StringComparison.Ordinal);
        Assert.DoesNotContain("failed", FleetText.Summary(fleet), StringComparison.Ordinal);
    }
}
