namespace HwLab.Native.Counters;

/// <summary>
/// The counters of one <see cref="ThreadCounters"/> at one moment (counts since they were opened),
/// or, from <c>after - before</c>, over the region between two such moments.
/// </summary>
public sealed class CounterSnapshot
{
    private readonly ThreadCounters _source;
    private readonly CounterAvailability[] _availability;
    private readonly PerfCount[] _counts; // raw, per kind; meaningless where the kind is unavailable
    private readonly CounterReading[] _readings;

    internal CounterSnapshot(ThreadCounters source, CounterAvailability[] availability, PerfCount[] counts, bool isDelta)
    {
        _source = source;
        _availability = availability;
        _counts = counts;
        IsDelta = isDelta;
        _readings = new CounterReading[availability.Length];
        for (int i = 0; i < availability.Length; i++)
        {
            _readings[i] = CreateReading(availability[i], counts[i]);
        }
    }

    /// <summary>True for the difference of two snapshots, false for a snapshot read from the counters.</summary>
    public bool IsDelta { get; }

    /// <summary>One reading per counter kind the <see cref="ThreadCounters"/> was asked for, in that order.</summary>
    public IReadOnlyList<CounterReading> Readings => _readings;

    /// <exception cref="KeyNotFoundException">The counters were not opened with <paramref name="kind"/>.</exception>
    public CounterReading this[CounterKind kind]
    {
        get
        {
            foreach (CounterReading reading in _readings)
            {
                if (reading.Kind == kind)
                {
                    return reading;
                }
            }
            throw new KeyNotFoundException($"These counters were not opened with {kind}.");
        }
    }

    public bool Contains(CounterKind kind) => Array.Exists(_readings, r => r.Kind == kind);

    /// <summary>The counts over the region between two snapshots of the same counters: <c>after - before</c>.</summary>
    public static CounterSnapshot operator -(CounterSnapshot after, CounterSnapshot before) => Subtract(after, before);

    /// <summary>
    /// The counts over the region between two snapshots of the same counters. A multiplexed counter
    /// is scaled by the enabled and running time of the region itself, not by the two totals.
    /// </summary>
    /// <exception cref="ArgumentException">The snapshots come from different counters, either is already a difference, or they are swapped.</exception>
    public static CounterSnapshot Subtract(CounterSnapshot after, CounterSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        if (!ReferenceEquals(after._source, before._source))
        {
            throw new ArgumentException("The snapshots were read from different ThreadCounters; only snapshots of the same counters subtract.", nameof(before));
        }
        if (after.IsDelta || before.IsDelta)
        {
            throw new ArgumentException("Subtract snapshots read from the counters, not differences of them.", after.IsDelta ? nameof(after) : nameof(before));
        }

        var counts = new PerfCount[after._counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            if (!after._availability[i].IsAvailable)
            {
                continue;
            }
            if (!after._counts[i].CanFollow(before._counts[i]))
            {
                throw new ArgumentException("The snapshot subtracted was read after the one it is subtracted from: write after - before.", nameof(before));
            }
            counts[i] = after._counts[i].Since(before._counts[i]);
        }
        return new CounterSnapshot(after._source, after._availability, counts, isDelta: true);
    }

    private static CounterReading CreateReading(CounterAvailability availability, PerfCount count)
    {
        if (!availability.IsAvailable)
        {
            return new CounterReading(availability.Kind, availability.UnavailableReason, availability.ExcludesKernel);
        }
        long? value = count.Estimate(out bool scaled);
        return value is long v
            ? new CounterReading(availability.Kind, v, scaled, availability.ExcludesKernel)
            : new CounterReading(availability.Kind, CounterReasons.ForNeverRan(availability.Kind), availability.ExcludesKernel);
    }
}
