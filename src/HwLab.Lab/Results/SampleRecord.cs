namespace HwLab.Lab.Results;

/// <summary>One sample of a point: its figure, what it was computed from, and what may have disturbed it.</summary>
/// <param name="Value">The point's metric for this sample (for example ns per lock/unlock pair).</param>
/// <param name="Operations">Operations of all workers together.</param>
/// <param name="ElapsedNanoseconds">The slowest worker's time.</param>
/// <param name="Flags">Names of the flags the engine raised on the sample (its SampleFlags, spelled as they are there); empty for a clean sample.</param>
/// <param name="Extras">Other figures of this sample, by name (for example same-line cluster picks).</param>
public sealed record SampleRecord(
    int Index,
    double Value,
    long Operations,
    double ElapsedNanoseconds,
    IReadOnlyList<string> Flags,
    int GarbageCollections,
    long JitCompilations,
    IReadOnlyList<WorkerSample> Workers,
    IReadOnlyDictionary<string, double> Extras)
{
    public bool IsClean => Flags.Count == 0;
}
