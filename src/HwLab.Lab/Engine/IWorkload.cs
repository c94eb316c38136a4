namespace HwLab.Lab.Engine;

/// <summary>
/// What a team of pinned workers runs. The engine calls <see cref="BeginRun"/> on its own thread,
/// then <see cref="Prepare"/> on each worker after it is pinned, then <see cref="RunBatch"/> on
/// each worker until the run's limit, reading the clock only between batches.
/// </summary>
/// <remarks>
/// <see cref="RunBatch"/> is the hot loop: it must allocate nothing, and implementations mark it
/// <c>MethodImplOptions.AggressiveOptimization</c> so it is fully optimized from its first call
/// rather than after tiered compilation gets round to it.
/// </remarks>
public interface IWorkload
{
    /// <summary>How many workers the workload runs on.</summary>
    int Workers { get; }

    /// <summary>Resets shared state before a run (on the engine's thread, before any worker starts).</summary>
    void BeginRun();

    /// <summary>Per-worker setup on the pinned worker thread, before the start gate: touch the memory it will use.</summary>
    void Prepare(int worker);

    /// <summary>Runs <paramref name="operations"/> operations on <paramref name="worker"/>.</summary>
    void RunBatch(int worker, long operations);

    /// <summary>After every worker finished: checks the run's invariants (no lost update) and throws if one broke.</summary>
    void Verify(TeamRun run);
}
