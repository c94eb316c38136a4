using HwLab.Native.Scheduling;

namespace HwLab.Lab.Engine;

/// <summary>
/// Reads the workers' steal time around a sample: the share of their CPUs' ticks the hypervisor
/// gave to something else. /proc/stat counts in USER_HZ ticks (10 ms on the usual 100 Hz), so a
/// short sample may log none; then there is no figure, and no flag.
/// </summary>
internal static class StealMeter
{
    /// <summary>A sample whose workers lost more than this share of their time to the host is flagged <see cref="SampleFlags.Stolen"/>.</summary>
    public const double FlagShare = 0.10;

    /// <summary>The sample extra holding the share, 0 to 1, when the sample spanned a tick.</summary>
    public const string Extra = "stolenShare";

    /// <summary>Per-CPU times now; empty where /proc/stat is missing or unreadable, so a sample is never lost to it.</summary>
    public static IReadOnlyDictionary<int, CpuTimes> Read()
    {
        try
        {
            return StolenTime.ReadLive();
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            return new Dictionary<int, CpuTimes>();
        }
    }

    public static double? Share(IReadOnlyDictionary<int, CpuTimes> before, IReadOnlyDictionary<int, CpuTimes> after, IReadOnlyList<int> cpus)
        => before.Count == 0 || after.Count == 0 ? null : StolenTime.Share(before, after, cpus);
}
