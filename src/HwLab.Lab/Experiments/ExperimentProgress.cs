namespace HwLab.Lab.Experiments;

/// <summary>How far an experiment is: team runs done of those planned (warm-up included).</summary>
public sealed record ExperimentProgress(string Experiment, int Done, int Planned);
