using HwLab.Native.Scheduling;
using HwLab.Native.Threading;

namespace HwLab.Native.Tests.Scheduling;

public sealed class StolenTimeTests
{
    private static CpuTimes Ticks(long user, long idle, long steal) => new(user, 0, 0, idle, 0, 0, 0, steal, 0, 0);

    [Fact]
    public void The_share_is_steal_over_all_ticks_of_the_cpus_asked_about()
    {
        var before = new Dictionary<int, CpuTimes> { [0] = Ticks(100, 50, 10), [1] = Ticks(100, 50, 10), [2] = Ticks(0, 0, 0) };
        var after = new Dictionary<int, CpuTimes> { [0] = Ticks(180, 50, 30), [1] = Ticks(190, 50, 20), [2] = Ticks(0, 0, 500) };

        // CPU 0: 80 user + 20 steal; CPU 1: 90 user + 10 steal. CPU 2 is not a worker's.
        Assert.Equal(30.0 / 200, StolenTime.Share(before, after, [0, 1]));
    }

    [Fact]
    public void No_ticks_or_a_missing_cpu_gives_no_share()
    {
        var reading = new Dictionary<int, CpuTimes> { [0] = Ticks(100, 50, 10) };
        Assert.Null(StolenTime.Share(reading, reading, [0]));
        Assert.Null(StolenTime.Share(reading, reading, [1]));
    }

    [Fact]
    public void A_counter_that_went_back_counts_as_no_ticks()
    {
        var before = new Dictionary<int, CpuTimes> { [0] = Ticks(100, 50, 40) };
        var after = new Dictionary<int, CpuTimes> { [0] = Ticks(200, 50, 5) };
        Assert.Equal(0, StolenTime.Share(before, after, [0]));
    }

    [Fact]
    public void This_machine_reports_every_usable_cpu_and_a_share_from_0_to_1_over_busy_work()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc/stat is Linux's");
        IReadOnlyDictionary<int, CpuTimes> before = StolenTime.ReadLive();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double sink = 0;
        while (clock.ElapsedMilliseconds < 100)
        {
            sink += Math.Sqrt(clock.ElapsedTicks);
        }
        IReadOnlyDictionary<int, CpuTimes> after = StolenTime.ReadLive();

        Assert.True(sink > 0);
        Assert.Superset(new HashSet<int>(ThreadPinning.AllowedCpus), new HashSet<int>(before.Keys));
        double? share = StolenTime.Share(before, after, ThreadPinning.AllowedCpus);
        Assert.NotNull(share);
        Assert.InRange(share.Value, 0, 1);
    }
}
