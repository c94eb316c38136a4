using System.Diagnostics;

namespace HwLab.Lab.Tests.Engine;

/// <summary>Cancels a run part way through and measures how long it took to answer, as a Ctrl+C would.</summary>
internal static class Interrupt
{
    /// <summary>Long enough for a run to be well inside its first sample.</summary>
    public static TimeSpan Delay { get; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The product answers within a second; the bound adds half of one for a 2-vCPU machine whose
    /// other CPU may be busy with another build, and is still far below a sample that runs on.
    /// </summary>
    public static TimeSpan Bound { get; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Runs <paramref name="run"/>, cancels its token after <paramref name="delay"/>, and returns what it returned and how long after the cancel.</summary>
    public static (T Result, TimeSpan AfterCancel) Measure<T>(Func<CancellationToken, T> run, TimeSpan? delay = null)
    {
        using var cancellation = new CancellationTokenSource();
        long cancelledAt = 0;
        Task canceller = Task.Run(async () =>
        {
            await Task.Delay(delay ?? Delay);
            Volatile.Write(ref cancelledAt, Stopwatch.GetTimestamp());
            await cancellation.CancelAsync();
        });
        T result = run(cancellation.Token);
        long returnedAt = Stopwatch.GetTimestamp();
        canceller.Wait(TestContext.Current.CancellationToken);
        Assert.True(cancelledAt != 0 && returnedAt > cancelledAt, "the run ended before it was cancelled, so it says nothing about the cancel");
        TimeSpan afterCancel = Stopwatch.GetElapsedTime(cancelledAt, returnedAt);
        TestContext.Current.TestOutputHelper?.WriteLine($"answered the cancel in {afterCancel.TotalMilliseconds:0} ms");
        return (result, afterCancel);
    }

    /// <summary>Asserts the answer came within <see cref="Bound"/>.</summary>
    public static void AssertPrompt(TimeSpan afterCancel)
        => Assert.True(afterCancel <= Bound, $"answered the cancel after {afterCancel.TotalMilliseconds:0} ms; the bound is {Bound.TotalMilliseconds:0} ms");
}
