namespace HwLab.Lab.Results;

/// <summary>A perf counter by its perf name, and why it is unavailable when it is.</summary>
public sealed record CounterStatus(string Name, bool Available, string? UnavailableReason);
