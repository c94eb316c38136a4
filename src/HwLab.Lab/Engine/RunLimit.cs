namespace HwLab.Lab.Engine;

/// <summary>How long each worker of a run runs: a fixed number of operations, or a fixed time.</summary>
/// <param name="Operations">Operations per worker, or null for a timed run.</param>
/// <param name="Duration">Time per worker, or null for a counted run.</param>
/// <param name="Batch">Operations between clock reads in a timed run (and the chunk size of a counted one).</param>
public sealed record RunLimit(long? Operations, TimeSpan? Duration, long Batch)
{
    public static RunLimit ForOperations(long operations, long batch = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(operations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        return new RunLimit(operations, null, Math.Min(batch, operations));
    }

    public static RunLimit ForDuration(TimeSpan duration, long batch = 1_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        return new RunLimit(null, duration, batch);
    }

    public override string ToString()
        => Operations is long ops ? $"{ops} operations per worker" : $"{Duration!.Value.TotalMilliseconds:0.#} ms per worker";
}
