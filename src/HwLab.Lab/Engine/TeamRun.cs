namespace HwLab.Lab.Engine;

/// <summary>One run of a team: every worker's result and what else happened in the process meanwhile.</summary>
/// <param name="GarbageCollections">Collections of any generation during the run.</param>
/// <param name="JitCompilations">Methods the JIT compiled during the run.</param>
public sealed record TeamRun(IReadOnlyList<WorkerResult> Workers, int GarbageCollections, long JitCompilations)
{
    public long TotalOperations => Workers.Sum(w => w.Operations);

    /// <summary>The slowest worker's time: the run's wall time.</summary>
    public double ElapsedNanoseconds => Workers.Max(w => w.ElapsedNanoseconds);

    public SampleFlags Flags
        => (Workers.Any(w => w.Migrated) ? SampleFlags.Migrated : SampleFlags.None)
         | (GarbageCollections > 0 ? SampleFlags.GarbageCollected : SampleFlags.None)
         | (JitCompilations > 0 ? SampleFlags.Jitted : SampleFlags.None)
         | (Workers.Any(w => w.Preempted) ? SampleFlags.Preempted : SampleFlags.None);
}
