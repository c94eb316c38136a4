namespace HwLab.Lab.Suite;

/// <summary>What the suite tells whoever shows its progress: an experiment started, moved on, or ended.</summary>
/// <param name="Index">The experiment's place in the suite, from 1.</param>
/// <param name="Result">The result once it ended; null before.</param>
public sealed record SuiteEvent(int Index, int Count, string Experiment, string Title, int Done, int Planned, Results.ExperimentResult? Result);
