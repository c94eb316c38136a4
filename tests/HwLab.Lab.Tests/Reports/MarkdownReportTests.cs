using HwLab.Lab.Reports;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Reports;

public sealed class MarkdownReportTests
{
    [Fact]
    public void The_report_has_the_machine_every_verdict_and_each_experiments_points()
    {
        string report = MarkdownReport.Render(SampleDocuments.Document());
        Assert.StartsWith("# HwLab report", report, StringComparison.Ordinal);
        Assert.Contains("| Cache line | 64 bytes |", report, StringComparison.Ordinal);
        Assert.Contains("cycles: no (no PMU here)", report, StringComparison.Ordinal);
        Assert.Contains("| falseshare | A claim. | a figure | confirmed |", report, StringComparison.Ordinal);
        Assert.Contains("## falseshare: A title", report, StringComparison.Ordinal);
        Assert.Contains("| distance=8 impl=managed | 11.0 ns | 10.0 | 12.0 |", report, StringComparison.Ordinal);
        Assert.Contains("penalty 4.50", report, StringComparison.Ordinal);
        Assert.Contains("> a note", report, StringComparison.Ordinal);
        Assert.Contains("## Not run", report, StringComparison.Ordinal);
        Assert.Contains("## How to read this report", report, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unfinished_experiment_says_so_and_why()
    {
        string report = MarkdownReport.Render(SampleDocuments.Document(SampleDocuments.Experiment("falseshare", ExperimentStatus.Interrupted)));
        Assert.Contains("**interrupted**: why not.", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Cells_with_pipes_are_escaped()
    {
        ExperimentResult experiment = SampleDocuments.Experiment() with { Verdicts = [new Verdict("a | b", "c", VerdictOutcome.Info, "d")] };
        string report = MarkdownReport.Render(SampleDocuments.Document(experiment));
        Assert.Contains("| a \\| b |", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1234.5, "1,235")]
    [InlineData(123.45, "123")]
    [InlineData(12.345, "12.3")]
    [InlineData(1.2345, "1.23")]
    [InlineData(0.012345, "0.012")]
    [InlineData(double.NaN, "-")]
    [InlineData(0.0, "0")]
    public void Numbers_keep_three_significant_digits(double value, string expected)
    {
        Assert.Equal(expected, Numbers.Format(value));
    }
}
