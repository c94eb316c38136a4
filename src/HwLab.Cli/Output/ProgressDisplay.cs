using System.Globalization;
using HwLab.Lab.Results;
using HwLab.Lab.Suite;
using Spectre.Console;

namespace HwLab.Cli.Output;

/// <summary>
/// Shows how far a suite or run is, on stderr so stdout stays clean for results and JSON: a
/// Spectre.Console progress bar per experiment on a terminal, and one plain line per experiment
/// start and end when stderr is redirected (CI logs, pipes).
/// </summary>
internal static class ProgressDisplay
{
    public static T Run<T>(TextWriter error, Func<Action<SuiteEvent>, T> body)
    {
        bool terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        if (!terminal)
        {
            return body(e => WritePlain(error, e));
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                return body(e =>
                {
                    if (!tasks.TryGetValue(e.Experiment, out ProgressTask? task))
                    {
                        task = context.AddTask(Markup.Escape($"[{e.Index}/{e.Count}] {e.Experiment}"), maxValue: 1);
                        tasks[e.Experiment] = task;
                    }
                    if (e.Result is not null)
                    {
                        task.Description = Markup.Escape($"[{e.Index}/{e.Count}] {e.Experiment}: {e.Result.Status.Text()}");
                        task.MaxValue = 1;
                        task.Value = 1;
                        task.StopTask();
                    }
                    else if (e.Planned > 0)
                    {
                        task.MaxValue = e.Planned;
                        task.Value = Math.Min(e.Done, e.Planned);
                    }
                });
            });
    }

    private static void WritePlain(TextWriter error, SuiteEvent e)
    {
        if (e.Result is ExperimentResult result)
        {
            string detail = result.Status == ExperimentStatus.Completed
                ? string.Create(CultureInfo.InvariantCulture, $"completed in {result.DurationSeconds:0.0} s, {result.Points.Count} points, {result.Verdicts.Count} verdicts")
                : $"{result.Status.Text()}{(result.Error is null ? "" : $": {result.Error}")}";
            error.WriteLine($"[{e.Index}/{e.Count}] {e.Experiment}: {detail}");
        }
        else if (e.Planned == 0)
        {
            error.WriteLine($"[{e.Index}/{e.Count}] {e.Experiment}: {e.Title}...");
        }
    }
}
