namespace HwLab.Lab.Engine;

/// <summary>One worker's share of a run.</summary>
/// <param name="Cpu">The CPU it was pinned to.</param>
/// <param name="CpuAtEnd">The CPU sched_getcpu named when it finished.</param>
/// <param name="ElapsedNanoseconds">From the start gate to its last batch.</param>
/// <param name="OnCpuNanoseconds">Of that, the time it actually ran on its CPU (perf task-clock), or null when unavailable.</param>
/// <param name="Migrations">CPU migrations while it ran (perf cpu-migrations), or null when unavailable.</param>
/// <param name="ContextSwitches">Context switches while it ran, or null when unavailable.</param>
public sealed record WorkerResult(int Worker, int Cpu, int CpuAtEnd, long Operations, double ElapsedNanoseconds, long? OnCpuNanoseconds, long? Migrations, long? ContextSwitches)
{
    /// <summary>
    /// Off its CPU for more than this share of the run, a worker's figure is another task's as
    /// much as its own. A context switch alone costs microseconds in runs of milliseconds; what
    /// matters is how long the worker was away.
    /// </summary>
    public const double MaxOffCpuShare = 0.05;

    public double NanosecondsPerOperation => Operations == 0 ? double.NaN : ElapsedNanoseconds / Operations;

    public bool Migrated => CpuAtEnd != Cpu || Migrations > 0;

    /// <summary>The share of the run the worker spent off its CPU (0 when task-clock is unavailable).</summary>
    public double OffCpuShare => OnCpuNanoseconds is long onCpu && ElapsedNanoseconds > 0 ? Math.Max(0, 1 - (onCpu / ElapsedNanoseconds)) : 0;

    public bool Preempted => OffCpuShare > MaxOffCpuShare;
}
