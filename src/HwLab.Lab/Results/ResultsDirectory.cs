using System.Globalization;
using HwLab.Native.Files;

namespace HwLab.Lab.Results;

/// <summary>
/// A results directory: results.json and report.md, each rewritten atomically after every
/// experiment, so an interruption or a later failure keeps everything already measured. It is
/// locked while open (<see cref="DirectoryLock"/>), so a second run into the same directory is
/// refused instead of mixing its files with this one's.
/// </summary>
public sealed class ResultsDirectory : IDisposable
{
    public const string ResultsFile = "results.json";
    public const string ReportFile = "report.md";
    public const string HtmlReportFile = "report.html";

    private readonly DirectoryLock _lock;

    private ResultsDirectory(string path, DirectoryLock directoryLock)
    {
        Path = path;
        _lock = directoryLock;
    }

    public string Path { get; }

    public string ResultsPath => System.IO.Path.Combine(Path, ResultsFile);

    public string ReportPath => System.IO.Path.Combine(Path, ReportFile);

    public string HtmlReportPath => System.IO.Path.Combine(Path, HtmlReportFile);

    /// <summary>results/&lt;host&gt;-&lt;UTC timestamp&gt; under the current directory.</summary>
    public static string DefaultPath(string host, DateTimeOffset utc)
        => System.IO.Path.Combine("results", $"{host}-{utc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");

    /// <summary>
    /// Creates the directory if needed, proves it writable, locks it, and checks that the files it
    /// will replace are regular files (or absent), all before any measurement starts.
    /// </summary>
    /// <exception cref="DirectoryInUseException">Another run holds the directory.</exception>
    /// <exception cref="IOException">It cannot be created, written or locked, or a file in it must not be replaced; the message says why.</exception>
    public static ResultsDirectory Prepare(string path)
    {
        DirectoryLock directoryLock = WritableDirectory.Lock(path, [ResultsFile, ReportFile, HtmlReportFile]);
        return new ResultsDirectory(directoryLock.Directory, directoryLock);
    }

    /// <summary>Releases the directory's lock.</summary>
    public void Dispose() => _lock.Dispose();

    /// <summary>Writes results.json, then report.md and report.html, each atomically.</summary>
    /// <param name="catalog">Where each experiment's report section is found; the standard one when null.</param>
    public void Write(ResultsDocument document, Experiments.ExperimentCatalog? catalog = null)
    {
        AtomicFile.WriteAllText(ResultsPath, ResultsJson.Serialize(document));
        WriteReports(document, catalog);
    }

    /// <summary>
    /// Writes report.md and report.html from a document (results.json is left as it is). Both are
    /// rendered before either is written, so a render that fails leaves the old pair, not a new
    /// report.md beside an old report.html.
    /// </summary>
    public void WriteReports(ResultsDocument document, Experiments.ExperimentCatalog? catalog = null)
    {
        string markdown = Reports.MarkdownReport.Render(document, catalog);
        string html = Reports.Html.HtmlReport.Render(document, catalog);
        AtomicFile.WriteAllText(ReportPath, markdown);
        AtomicFile.WriteAllText(HtmlReportPath, html);
    }
}
