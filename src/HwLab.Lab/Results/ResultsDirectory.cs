using System.Globalization;

namespace HwLab.Lab.Results;

/// <summary>
/// A results directory: results.json and report.md, each rewritten atomically after every
/// experiment, so an interruption or a later failure keeps everything already measured.
/// </summary>
public sealed class ResultsDirectory
{
    public const string ResultsFile = "results.json";
    public const string ReportFile = "report.md";
    public const string HtmlReportFile = "report.html";

    private ResultsDirectory(string path) => Path = path;

    public string Path { get; }

    public string ResultsPath => System.IO.Path.Combine(Path, ResultsFile);

    public string ReportPath => System.IO.Path.Combine(Path, ReportFile);

    public string HtmlReportPath => System.IO.Path.Combine(Path, HtmlReportFile);

    /// <summary>results/&lt;host&gt;-&lt;UTC timestamp&gt; under the current directory.</summary>
    public static string DefaultPath(string host, DateTimeOffset utc)
        => System.IO.Path.Combine("results", $"{host}-{utc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");

    /// <summary>Creates the directory if needed and proves it writable, before any measurement starts.</summary>
    /// <exception cref="IOException">It cannot be created or written; the message says why.</exception>
    public static ResultsDirectory Prepare(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new IOException($"{path} is a file, not a directory");
        }
        try
        {
            Directory.CreateDirectory(full);
            string probe = System.IO.Path.Combine(full, $".hwlab-write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"{path} is not writable ({e.Message})", e);
        }
        return new ResultsDirectory(full);
    }

    /// <summary>Writes results.json, then report.md and report.html, each atomically.</summary>
    public void Write(ResultsDocument document)
    {
        AtomicFile.WriteAllText(ResultsPath, ResultsJson.Serialize(document));
        WriteReports(document);
    }

    /// <summary>Writes report.md and report.html from a document (results.json is left as it is).</summary>
    public void WriteReports(ResultsDocument document)
    {
        AtomicFile.WriteAllText(ReportPath, Reports.MarkdownReport.Render(document));
        AtomicFile.WriteAllText(HtmlReportPath, Reports.Html.HtmlReport.Render(document));
    }
}
