using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HwLab.Native.Counters;

/// <summary>
/// One counter's value in a <see cref="CounterSnapshot"/>. An unavailable counter has a null
/// <see cref="Value"/> and says why in <see cref="UnavailableReason"/>: it is never reported as 0.
/// </summary>
public sealed class CounterReading
{
    internal CounterReading(CounterKind kind, long value, bool isScaled, bool excludesKernel)
    {
        Kind = kind;
        Value = value;
        IsScaled = isScaled;
        ExcludesKernel = excludesKernel;
    }

    internal CounterReading(CounterKind kind, string unavailableReason, bool excludesKernel)
    {
        Kind = kind;
        UnavailableReason = unavailableReason;
        ExcludesKernel = excludesKernel;
    }

    public CounterKind Kind { get; }

    /// <summary>The count (nanoseconds for <see cref="CounterKind.TaskClock"/>), or null when the counter is unavailable.</summary>
    public long? Value { get; }

    /// <summary>
    /// The PMU multiplexed the counter, so <see cref="Value"/> is the count it saw scaled by
    /// enabled / running time: an estimate, to be flagged in results.
    /// </summary>
    public bool IsScaled { get; }

    /// <summary>The counter counts user space only, because perf_event_paranoid did not allow counting the kernel too.</summary>
    public bool ExcludesKernel { get; }

    /// <summary>Why there is no value, as a sentence for the user; null when <see cref="Value"/> is set.</summary>
    public string? UnavailableReason { get; }

    [MemberNotNullWhen(false, nameof(UnavailableReason))]
    public bool IsAvailable => UnavailableReason is null;

    public override string ToString()
    {
        string name = Kind.PerfEventName();
        if (!IsAvailable)
        {
            return $"{name}: unavailable: {UnavailableReason}";
        }
        string notes = (IsScaled ? " (scaled)" : "") + (ExcludesKernel ? " (user space only)" : "");
        return string.Create(CultureInfo.InvariantCulture, $"{name}: {Value}{notes}");
    }
}
