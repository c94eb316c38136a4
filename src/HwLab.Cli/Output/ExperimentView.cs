using HwLab.Lab.Reports;
using HwLab.Lab.Results;

namespace HwLab.Cli.Output;

/// <summary>An experiment's result for people: its points with their noise, then its verdicts.</summary>
internal static class ExperimentView
{
    public static void Write(ConsoleView view, ExperimentResult result)
    {
        view.WriteHeading($"{result.Name}: {result.Title} ({result.Status.Text()}{(result.Error is null ? "" : $": {result.Error}")})");
        if (result.Points.Count > 0)
        {
            view.WriteLine($"Median of each point's samples; {result.Points[0].Metric}.");
            view.WriteTable(PointTable.Headers, result.Points.Select(PointTable.Row));
        }
        if (result.Scaling.Count > 0)
        {
            IReadOnlyList<string>[] fits = [.. ScalingTable.Rows(result.Scaling)];
            if (fits.Length > 0)
            {
                view.WriteLine("Scalability fits (Universal Scalability Law; σ contention, κ coherency):");
                view.WriteTable(ScalingTable.Headers, fits);
            }
            foreach (string unfitted in ScalingTable.Unfitted(result.Scaling))
            {
                view.WriteLine(unfitted);
            }
        }
        if (result.Sampling is { } sampling)
        {
            view.WriteLine($"Sampling: {DecisionText.Sampling(sampling)}.");
        }
        foreach (Verdict verdict in result.Verdicts)
        {
            VerdictLines.Write(view, verdict);
        }
        foreach (string note in result.Notes)
        {
            view.WriteLine($"  note: {note}");
        }
    }
}
