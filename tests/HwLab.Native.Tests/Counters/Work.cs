using System.Diagnostics;

namespace HwLab.Native.Tests.Counters;

/// <summary>Work for counters to see: CPU time, instructions and cache misses.</summary>
internal static class Work
{
    /// <summary>Spins on the CPU for about <paramref name="milliseconds"/>; returns a value so the loop is not removed.</summary>
    public static long Spin(int milliseconds)
    {
        long sum = 0;
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < milliseconds)
        {
            for (int i = 0; i < 10_000; i++)
            {
                sum += i ^ (sum >> 3);
            }
        }
        return sum;
    }

    /// <summary>
    /// Touches every cache line of a buffer larger than the last-level caches of most machines,
    /// twice, so the second pass misses too; returns a value so the reads are not removed.
    /// </summary>
    public static long WalkMemory()
    {
        const int Bytes = 64 << 20;
        const int Line = 64;
        byte[] buffer = GC.AllocateUninitializedArray<byte>(Bytes);
        long sum = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < Bytes; i += Line)
            {
                buffer[i]++;
                sum += buffer[i];
            }
        }
        return sum;
    }
}
