namespace HwLab.Lab.Comparison;

/// <summary>
/// `hwlab compare A B`: every point both sides measured, B against A, with a difference flagged only
/// when it stands out of both sides' noise and exceeds the threshold.
/// </summary>
/// <param name="Schema">Always <see cref="CurrentSchema"/>.</param>
/// <param name="A">Where side A was read from, and its machine.</param>
/// <param name="B">Where side B was read from, and its machine.</param>
/// <param name="ThresholdPercent">The smallest difference, in percent of A, that is ever flagged.</param>
/// <param name="ExperimentsOnlyInA">Experiments side B did not run.</param>
/// <param name="ExperimentsOnlyInB">Experiments side A did not run.</param>
/// <param name="Compared">Points measured on both sides with enough samples to judge (two or more each, in the same unit).</param>
/// <param name="Flagged">How many of them differ beyond the noise.</param>
public sealed record ResultsComparison(
    string Schema,
    ComparedSide A,
    ComparedSide B,
    double ThresholdPercent,
    string Rule,
    IReadOnlyList<ExperimentComparison> Experiments,
    IReadOnlyList<string> ExperimentsOnlyInA,
    IReadOnlyList<string> ExperimentsOnlyInB,
    int Compared,
    int Flagged)
{
    public const string CurrentSchema = "hwlab.compare/1";
}

/// <summary>One side of a comparison: where its results came from and what they were measured on.</summary>
public sealed record ComparedSide(string Source, string Host, string? CpuModel, string Profile, DateTimeOffset CreatedUtc, bool Hypervisor, int UsableCpus);
