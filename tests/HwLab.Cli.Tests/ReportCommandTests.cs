namespace HwLab.Cli.Tests;

public sealed class ReportCommandTests
{
    [Fact]
    public void Report_renders_html_and_markdown_from_a_results_directory()
    {
        using var temp = new TempDirectory();
        string dir = ResultsFixtures.WriteDirectory(temp, "run", ResultsFixtures.Captured());

        CliRun run = CliRun.InProcess("report", dir);

        Assert.True(run.ExitCode == 0, run.Error);
        string html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"swap-scaling\"", html, StringComparison.Ordinal);
        Assert.Contains("Was the 8-byte layout right?", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "report.md")));
        Assert.Contains(Path.Combine(dir, "report.html"), run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp*"));
    }

    [Fact]
    public void Report_of_schema_2_results_shows_each_decision_and_how_sampling_went()
    {
        using var temp = new TempDirectory();
        string dir = DecidedResults.Reported(temp);

        string html = File.ReadAllText(Path.Combine(dir, "report.html"));
        string markdown = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Equal(3, html.Split("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"interval\"").Length - 1);
        Assert.Contains("class=\"callout machine-changed\"", html, StringComparison.Ordinal);
        foreach (string report in new[] { html, markdown })
        {
            Assert.Contains("17 rounds (minimum 5), stopped: no longer narrowing", report, StringComparison.Ordinal);
            Assert.Contains("95% interval 1.31 to 1.55; claim: above 1.10; 17 rounds used.", report, StringComparison.Ordinal);
            Assert.Contains("95% interval 0.99 to 1.03; claim: within 0.95 to 1.05; 17 rounds used.", report, StringComparison.Ordinal);
            Assert.Contains("The machine changed under the run: the placement probe found 3 states", report, StringComparison.Ordinal);
            Assert.Contains("hwlab.results/2", report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Report_accepts_the_results_file_itself()
    {
        using var temp = new TempDirectory();
        string dir = ResultsFixtures.WriteDirectory(temp, "run", ResultsFixtures.Captured());

        Assert.Equal(0, CliRun.InProcess("report", Path.Combine(dir, "results.json")).ExitCode);
        Assert.True(File.Exists(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public void A_directory_without_results_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        CliRun.InProcess("report", temp.Path).AssertUsageError("no results.json in this directory");
        Assert.False(File.Exists(temp.File("report.html")));
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        CliRun.InProcess("report", temp.File("nowhere")).AssertUsageError("no such file or directory");
    }

    [Fact]
    public void Results_of_another_schema_are_refused_and_nothing_is_written()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("results.json"), "{\"schema\": \"hwlab.results/0\", \"experiments\": []}");
        CliRun.InProcess("report", temp.Path).AssertUsageError("has schema hwlab.results/0; this HwLab reads hwlab.results/1 and hwlab.results/2");
        Assert.False(File.Exists(temp.File("report.html")));
    }

    [Fact]
    public void A_file_that_is_not_json_is_refused()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("results.json"), "not json");
        CliRun.InProcess("report", temp.File("results.json")).AssertUsageError("is not JSON");
    }
}
