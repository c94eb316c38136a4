using System.Diagnostics;

namespace HwLab.Native.Threading;

/// <summary>
/// Releases a team of pinned threads at the same instant. A Barrier parks waiters in the kernel,
/// and waking a parked thread takes tens of microseconds (milliseconds for an idle vCPU), long
/// enough for the first thread to finish a short run alone; here every thread spins with
/// cpu_relax() until the last one arrives, so all of them start within a cache-line transfer.
/// </summary>
/// <remarks>
/// Meant for threads pinned one per CPU. A participant that fails before arriving must call
/// <see cref="Leave"/>, or the others give up after <see cref="Timeout"/>.
/// </remarks>
public sealed class StartGate
{
    private readonly int _participants;
    private int _arrived;

    public StartGate(int participants)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(participants);
        _participants = participants;
    }

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Arrives, then spins until every participant has arrived.</summary>
    /// <exception cref="TimeoutException">A participant never arrived.</exception>
    public void ArriveAndWait()
    {
        Interlocked.Increment(ref _arrived);
        long deadline = Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
        for (int spins = 0; Volatile.Read(ref _arrived) < _participants; spins++)
        {
            CpuRelax.Relax();
            if ((spins & 0xFFFF) == 0xFFFF)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"Only {Volatile.Read(ref _arrived)} of {_participants} threads reached the start.");
                }
                // Sharing a CPU with a participant that has not arrived yet must not starve it.
                Thread.Yield();
            }
        }
    }

    /// <summary>Counts a participant that will never arrive (it failed to start) as arrived.</summary>
    public void Leave() => Interlocked.Increment(ref _arrived);
}
