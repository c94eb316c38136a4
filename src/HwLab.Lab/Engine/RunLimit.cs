namespace HwLab.Lab.Engine;

/// <summary>How long each worker of a run runs: a fixed number of operations, or a fixed time.</summary>
/// <param name="Operations">Operations per worker, or null for a timed run.</param>
/// <param name="Duration">Time per worker, or null for a counted run.</param>
/// <param name="Batch">Operations between clock reads in a timed run (and the chunk size of a counted one); the
/// workers look for a cancellation between batches, so a batch is also how long a stop can take.</param>
public sealed record RunLimit(long? Operations, TimeSpan? Duration, long Batch)
{
    /// <summary>
    /// The largest batch: a native loop cannot see a cancellation, so one call must end soon. The
    /// slowest operations measured (a cache line moving between sockets, a lock under false sharing)
    /// take well under a microsecond, so 100 000 of them end within 100 ms.
    /// </summary>
    public const long MaxBatch = 100_000;

    public static RunLimit ForOperations(long operations, long batch = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(operations);
        CheckBatch(batch);
        return new RunLimit(operations, null, Math.Min(batch, operations));
    }

    public static RunLimit ForDuration(TimeSpan duration, long batch = 1_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        CheckBatch(batch);
        return new RunLimit(null, duration, batch);
    }

    private static void CheckBatch(long batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch, MaxBatch);
    }

    public override string ToString()
        => Operations is long ops ? $"{ops} operations per worker" : $"{Duration!.Value.TotalMilliseconds:0.#} ms per worker";
}
