namespace HwLab.Lab.Experiments.Planning;

/// <summary>One line of what an experiment will run: "pairs", "120 (every pair)".</summary>
public sealed record PlanLine(string What, string Value)
{
    public static implicit operator PlanLine((string What, string Value) line) => new(line.What, line.Value);
}
