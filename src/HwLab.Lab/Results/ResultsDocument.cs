namespace HwLab.Lab.Results;

/// <summary>
/// results.json: everything one `hwlab suite` or `hwlab run` measured, with the machine and the
/// settings, in the versioned schema of docs/results-schema.md.
/// </summary>
/// <param name="Schema">Always <see cref="CurrentSchema"/> for documents this version writes.</param>
/// <param name="Profile">quick, default, full, or "run" for a single experiment.</param>
/// <param name="Experiments">Every experiment that ran, in order, completed or not.</param>
/// <param name="NotRun">Experiments planned but never started (after an interruption or a failure that stopped the suite).</param>
public sealed record ResultsDocument(
    string Schema,
    string HwlabVersion,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    string CommandLine,
    string Profile,
    MachineInfo Machine,
    IReadOnlyList<ExperimentResult> Experiments,
    IReadOnlyList<string> NotRun)
{
    public const string CurrentSchema = "hwlab.results/2";

    /// <summary>Version 1 lacks each verdict's figure, interval and rule and each experiment's sampling; it still reads.</summary>
    public const string Version1Schema = "hwlab.results/1";

    public static IReadOnlyList<string> ReadableSchemas { get; } = [Version1Schema, CurrentSchema];

    public ExperimentResult? Experiment(string name) => Experiments.FirstOrDefault(e => e.Name == name);
}
