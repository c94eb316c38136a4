namespace HwLab.Native.Counters;

/// <summary>
/// What read(2) returns for one event opened with read_format PERF_FORMAT_TOTAL_TIME_ENABLED |
/// PERF_FORMAT_TOTAL_TIME_RUNNING: <c>{ u64 value; u64 time_enabled; u64 time_running; }</c>.
/// Times are nanoseconds; running is less than enabled when the PMU multiplexed the event.
/// </summary>
internal readonly record struct PerfCount(ulong Value, ulong TimeEnabled, ulong TimeRunning)
{
    /// <summary>The count over the interval from <paramref name="earlier"/>, a read of the same event, to this one.</summary>
    public PerfCount Since(PerfCount earlier) => new(Value - earlier.Value, TimeEnabled - earlier.TimeEnabled, TimeRunning - earlier.TimeRunning);

    /// <summary>False when <paramref name="earlier"/> cannot have been read before this one: every field only grows.</summary>
    public bool CanFollow(PerfCount earlier)
        => Value >= earlier.Value && TimeEnabled >= earlier.TimeEnabled && TimeRunning >= earlier.TimeRunning;

    /// <summary>
    /// The count estimated over the whole enabled time, as perf stat does: value × enabled / running
    /// when the event was multiplexed. Null when it was enabled but never ran, because then there is
    /// no measurement to scale, and zero would be a lie.
    /// </summary>
    public long? Estimate(out bool scaled)
    {
        scaled = false;
        if (TimeRunning >= TimeEnabled)
        {
            return Clamp(Value);
        }
        if (TimeRunning == 0)
        {
            return null;
        }
        scaled = true;
        return Clamp((UInt128)Value * TimeEnabled / TimeRunning);
    }

    private static long Clamp(UInt128 value) => value > long.MaxValue ? long.MaxValue : (long)value;
}
