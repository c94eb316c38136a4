using System.Diagnostics;

namespace HwLab.Lab.Engine;

/// <summary>What one read of the clock costs here, so results can say how much of a figure is the timing itself.</summary>
public static class ClockOverhead
{
    private static readonly Lazy<double> s_nanosecondsPerRead = new(Measure);

    /// <summary>Nanoseconds per Stopwatch.GetTimestamp(), the median of several timed loops.</summary>
    public static double NanosecondsPerRead => s_nanosecondsPerRead.Value;

    private static double Measure()
    {
        const int reads = 200_000;
        double[] rounds = new double[7];
        for (int round = 0; round < rounds.Length; round++)
        {
            long sink = 0;
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < reads; i++)
            {
                sink += Stopwatch.GetTimestamp();
            }
            long end = Stopwatch.GetTimestamp();
            GC.KeepAlive(sink);
            rounds[round] = Timestamps.ToNanoseconds(start, end) / reads;
        }
        Array.Sort(rounds);
        return rounds[rounds.Length / 2];
    }
}
