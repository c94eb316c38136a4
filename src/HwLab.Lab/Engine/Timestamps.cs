using System.Diagnostics;

namespace HwLab.Lab.Engine;

/// <summary>Stopwatch timestamps to nanoseconds at full resolution (TimeSpan would round to 100 ns).</summary>
public static class Timestamps
{
    private static readonly double s_nanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    public static double ToNanoseconds(long start, long end) => (end - start) * s_nanosecondsPerTick;
}
