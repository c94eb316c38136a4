using System.CommandLine;
using HwLab.Lab.Results;

namespace HwLab.Cli.Commands;

/// <summary>--json and --out, shared by every `run NAME`.</summary>
internal sealed class RunOutputOptions
{
    public Option<bool> JsonOption { get; } = new("--json") { Description = $"Print the results document (schema {ResultsDocument.CurrentSchema}) instead of tables." };

    public Option<string?> OutOption { get; } = new("--out")
    {
        Description = "Also write results.json, report.html and report.md to directory DIR [default: not written]",
        HelpName = "DIR",
    };

    /// <summary>Where results go when --out is not given; null: not written (`run NAME`), else a default directory (`check`).</summary>
    public Func<string>? DefaultOutDirectory { get; init; }

    public bool Json { get; private set; }

    public string? OutDirectory { get; private set; }

    public void AddTo(Command command)
    {
        command.Add(JsonOption);
        command.Add(OutOption);
    }

    public RunOutputOptions Read(ParseResult parsed)
    {
        Json = parsed.GetValue(JsonOption);
        OutDirectory = parsed.GetValue(OutOption) ?? DefaultOutDirectory?.Invoke();
        return this;
    }
}
