using Spectre.Console;

namespace HwLab.Cli.Output;

/// <summary>
/// Where a command's human-readable output goes. On a terminal: Spectre.Console tables. When
/// redirected (a file, a pipe, CI): plain whitespace-aligned lines with no borders or colours,
/// so that grep and diff work on them.
/// </summary>
internal sealed class ConsoleView
{
    private readonly IAnsiConsole? _terminal;

    public ConsoleView(TextWriter writer, bool isTerminal)
    {
        Writer = writer;
        if (isTerminal)
        {
            _terminal = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(writer),
                Ansi = AnsiSupport.Detect,
                ColorSystem = ColorSystemSupport.Detect,
            });
        }
    }

    public TextWriter Writer { get; }

    public bool IsTerminal => _terminal is not null;

    /// <summary>The view for stdout: a terminal unless output is redirected.</summary>
    public static ConsoleView ForStandardOutput(TextWriter writer)
        => new(writer, isTerminal: ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected);

    public void WriteLine(string text = "") => Writer.WriteLine(text);

    public void WriteHeading(string text)
    {
        if (_terminal is not null)
        {
            _terminal.Write(new Rule($"[bold]{Markup.Escape(text)}[/]").LeftJustified());
        }
        else
        {
            Writer.WriteLine();
            Writer.WriteLine($"== {text}");
        }
    }

    /// <summary>Label-value lines, labels aligned.</summary>
    public void WriteFacts(IEnumerable<(string Label, string Value)> facts)
    {
        (string Label, string Value)[] rows = [.. facts];
        int width = rows.Length == 0 ? 0 : rows.Max(r => r.Label.Length);
        foreach ((string label, string value) in rows)
        {
            Writer.WriteLine($"{label.PadRight(width)}  {value}");
        }
    }

    public void WriteTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        IReadOnlyList<string>[] body = [.. rows];
        if (_terminal is not null)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (string header in headers)
            {
                table.AddColumn(new TableColumn($"[bold]{Markup.Escape(header)}[/]"));
            }
            foreach (IReadOnlyList<string> row in body)
            {
                table.AddRow([.. row.Select(cell => new Text(cell))]);
            }
            _terminal.Write(table);
            return;
        }

        int[] widths = [.. headers.Select((h, i) => Math.Max(h.Length, body.Length == 0 ? 0 : body.Max(r => r[i].Length)))];
        WritePlainRow(headers, widths);
        foreach (IReadOnlyList<string> row in body)
        {
            WritePlainRow(row, widths);
        }
    }

    private void WritePlainRow(IReadOnlyList<string> cells, int[] widths)
    {
        // The last column is not padded, so lines carry no trailing blanks.
        string line = string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i])));
        Writer.WriteLine(line.TrimEnd());
    }
}
