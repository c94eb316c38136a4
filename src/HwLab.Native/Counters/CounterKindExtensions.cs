namespace HwLab.Native.Counters;

public static class CounterKindExtensions
{
    /// <summary>True for the hardware (PMU) events, which a machine may not expose; false for the kernel's software events.</summary>
    public static bool IsHardware(this CounterKind kind) => kind switch
    {
        CounterKind.TaskClock or CounterKind.ContextSwitches or CounterKind.CpuMigrations => false,
        CounterKind.Cycles or CounterKind.Instructions or CounterKind.CacheMisses => true,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a counter kind."),
    };

    /// <summary>The event's name as perf(1) spells it (<c>task-clock</c>, <c>cache-misses</c>), which users know from perf stat.</summary>
    public static string PerfEventName(this CounterKind kind) => kind switch
    {
        CounterKind.TaskClock => "task-clock",
        CounterKind.ContextSwitches => "context-switches",
        CounterKind.CpuMigrations => "cpu-migrations",
        CounterKind.Cycles => "cycles",
        CounterKind.Instructions => "instructions",
        CounterKind.CacheMisses => "cache-misses",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a counter kind."),
    };
}
