using HwLab.Lab.Results;
using HwLab.Native.Files;

namespace HwLab.Lab.Fleet;

/// <summary>
/// Where `hwlab fleet` writes fleet.html, fleet.md and, when asked, fleet.csv: prepared and locked
/// as a results directory is (<see cref="WritableDirectory"/>), each file written atomically, and
/// only over nothing or a regular file.
/// </summary>
public sealed class FleetDirectory : IDisposable
{
    public const string HtmlFile = "fleet.html";
    public const string MarkdownFile = "fleet.md";
    public const string CsvFile = "fleet.csv";

    private readonly DirectoryLock _lock;
    private readonly bool _csv;

    private FleetDirectory(DirectoryLock directoryLock, bool csv)
    {
        _lock = directoryLock;
        _csv = csv;
    }

    /// <summary>The directory's full path.</summary>
    public string Path => _lock.Directory;

    /// <summary>The files <see cref="Write"/> writes, by full path: fleet.md, fleet.html, then fleet.csv when asked.</summary>
    public IReadOnlyList<string> Files => [.. FileNames(_csv).Select(name => System.IO.Path.Combine(Path, name))];

    /// <summary>fleet-&lt;UTC timestamp&gt; in the current directory, the timestamp written as in a suite's default results directory.</summary>
    public static string DefaultPath(DateTimeOffset utc) => System.IO.Path.GetFileName(ResultsDirectory.DefaultPath("fleet", utc));

    /// <summary>Creates the directory if needed, locks it, and checks the files it will write, before anything is rendered.</summary>
    /// <param name="csv">Whether fleet.csv is written too.</param>
    /// <exception cref="DirectoryInUseException">Another hwlab holds the directory.</exception>
    /// <exception cref="IOException">It is not a directory, cannot be created, written or locked, or a file in it must not be replaced; the message says why.</exception>
    public static FleetDirectory Prepare(string path, bool csv) => new(WritableDirectory.Lock(path, FileNames(csv)), csv);

    /// <summary>Renders every file, then writes each atomically: a render that fails leaves the files as they were.</summary>
    public void Write(FleetTables fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        string[] texts = [FleetMarkdown.Render(fleet), FleetHtml.Render(fleet), .. _csv ? [FleetCsv.Render(fleet.Points)] : Array.Empty<string>()];
        foreach ((string file, string text) in Files.Zip(texts))
        {
            AtomicFile.WriteAllText(file, text);
        }
    }

    /// <summary>Releases the directory's lock.</summary>
    public void Dispose() => _lock.Dispose();

    private static string[] FileNames(bool csv) => csv ? [MarkdownFile, HtmlFile, CsvFile] : [MarkdownFile, HtmlFile];
}
