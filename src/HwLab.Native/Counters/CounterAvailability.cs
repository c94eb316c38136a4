using System.Diagnostics.CodeAnalysis;

namespace HwLab.Native.Counters;

/// <summary>Whether a counter could be opened for a thread on this machine, and if not, why.</summary>
public sealed class CounterAvailability
{
    internal CounterAvailability(CounterKind kind, string? unavailableReason, bool excludesKernel)
    {
        Kind = kind;
        UnavailableReason = unavailableReason;
        ExcludesKernel = excludesKernel;
    }

    public CounterKind Kind { get; }

    [MemberNotNullWhen(false, nameof(UnavailableReason))]
    public bool IsAvailable => UnavailableReason is null;

    /// <summary>Why the counter cannot be read, as a sentence for the user; null when it can.</summary>
    public string? UnavailableReason { get; }

    /// <summary>The counter opened only for user space, because perf_event_paranoid did not allow counting the kernel too.</summary>
    public bool ExcludesKernel { get; }

    /// <summary>
    /// Opens and closes every <see cref="CounterKind"/> once for the calling thread and says which
    /// this machine has, as <c>hwlab topology</c> reports. Never throws for a missing counter.
    /// </summary>
    public static IReadOnlyList<CounterAvailability> Probe()
    {
        using var counters = new ThreadCounters();
        return counters.Availability;
    }

    public override string ToString()
        => IsAvailable
            ? $"{Kind.PerfEventName()}: available{(ExcludesKernel ? " (user space only)" : "")}"
            : $"{Kind.PerfEventName()}: unavailable: {UnavailableReason}";
}
