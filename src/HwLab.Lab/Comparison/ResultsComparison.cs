namespace HwLab.Lab.Comparison;

/// <summary>
/// `hwlab compare A B`: every point both sides measured, B against A, each decided by where the
/// 95% interval of B/A lies against the no-change band.
/// </summary>
/// <param name="Schema">Always <see cref="CurrentSchema"/>.</param>
/// <param name="A">Where side A was read from, and its machine.</param>
/// <param name="B">Where side B was read from, and its machine.</param>
/// <param name="ThresholdPercent">The threshold t: B more than t% above A, or A more than t% above B, is a change.</param>
/// <param name="BandLow">The no-change band's low edge, 1/(1+t).</param>
/// <param name="BandHigh">Its high edge, 1+t.</param>
/// <param name="ExperimentsOnlyInA">Experiments side B did not run.</param>
/// <param name="ExperimentsOnlyInB">Experiments side A did not run.</param>
/// <param name="Compared">Points an interval decided: measured on both sides in the same unit, with at least <see cref="Decisions.Decider.MinimumRounds"/> samples a side.</param>
/// <param name="Changed">Points whose interval lies outside the band, on one machine state (<see cref="PointComparison.Changed"/>).</param>
/// <param name="MachineStateDiffered">Points whose interval lies outside the band while the two sides ran in different machine states.</param>
/// <param name="WithinNoise">Points whose interval straddles an edge of the band.</param>
/// <param name="Unchanged">Points whose interval lies inside the band.</param>
public sealed record ResultsComparison(
    string Schema,
    ComparedSide A,
    ComparedSide B,
    double ThresholdPercent,
    double BandLow,
    double BandHigh,
    string Rule,
    IReadOnlyList<ExperimentComparison> Experiments,
    IReadOnlyList<string> ExperimentsOnlyInA,
    IReadOnlyList<string> ExperimentsOnlyInB,
    int Compared,
    int Changed,
    int MachineStateDiffered,
    int WithinNoise,
    int Unchanged)
{
    public const string CurrentSchema = "hwlab.compare/2";
}

/// <summary>One side of a comparison: where its results came from and what they were measured on.</summary>
public sealed record ComparedSide(string Source, string Host, string? CpuModel, string Profile, DateTimeOffset CreatedUtc, bool Hypervisor, int UsableCpus);
