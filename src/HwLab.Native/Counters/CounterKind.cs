namespace HwLab.Native.Counters;

/// <summary>
/// The counters HwLab reads per thread. The first three are software events the kernel keeps
/// itself and has wherever perf_event_open exists; the rest are hardware (PMU) events that
/// virtual machines and containers often do not expose.
/// </summary>
public enum CounterKind
{
    /// <summary>CPU time the thread ran, in nanoseconds (perf's task-clock).</summary>
    TaskClock,

    /// <summary>Times the thread was switched off its CPU (perf's context-switches).</summary>
    ContextSwitches,

    /// <summary>Times the thread moved to another CPU (perf's cpu-migrations): non-zero means pinning failed.</summary>
    CpuMigrations,

    /// <summary>Core clock cycles (perf's cycles).</summary>
    Cycles,

    /// <summary>Instructions retired (perf's instructions).</summary>
    Instructions,

    /// <summary>Last-level cache misses, as the PMU defines them (perf's cache-misses).</summary>
    CacheMisses,
}
