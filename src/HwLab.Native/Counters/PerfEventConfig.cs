namespace HwLab.Native.Counters;

/// <summary>The perf_event_attr type and config that select an event.</summary>
internal readonly record struct PerfEventConfig(uint Type, ulong Config)
{
    public static PerfEventConfig For(CounterKind kind) => kind switch
    {
        CounterKind.TaskClock => new(Interop.Libc.PERF_TYPE_SOFTWARE, Interop.Libc.PERF_COUNT_SW_TASK_CLOCK),
        CounterKind.ContextSwitches => new(Interop.Libc.PERF_TYPE_SOFTWARE, Interop.Libc.PERF_COUNT_SW_CONTEXT_SWITCHES),
        CounterKind.CpuMigrations => new(Interop.Libc.PERF_TYPE_SOFTWARE, Interop.Libc.PERF_COUNT_SW_CPU_MIGRATIONS),
        CounterKind.Cycles => new(Interop.Libc.PERF_TYPE_HARDWARE, Interop.Libc.PERF_COUNT_HW_CPU_CYCLES),
        CounterKind.Instructions => new(Interop.Libc.PERF_TYPE_HARDWARE, Interop.Libc.PERF_COUNT_HW_INSTRUCTIONS),
        CounterKind.CacheMisses => new(Interop.Libc.PERF_TYPE_HARDWARE, Interop.Libc.PERF_COUNT_HW_CACHE_MISSES),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a counter kind."),
    };
}
