namespace HwLab.Lab.Results;

/// <summary>One worker's part of a sample.</summary>
/// <param name="OnCpuNanoseconds">Time it ran on its CPU (perf task-clock); null when the counter is unavailable.</param>
/// <param name="Migrations">CPU migrations (perf cpu-migrations); null when the counter is unavailable.</param>
/// <param name="ContextSwitches">Context switches; null when the counter is unavailable.</param>
public sealed record WorkerSample(int Worker, int Cpu, long Operations, double ElapsedNanoseconds, long? OnCpuNanoseconds, long? Migrations, long? ContextSwitches);
