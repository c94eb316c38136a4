using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Tests.Reserve;

/// <summary>What a scenario accepts and refuses, what it derives from its settings, and the names the command line uses.</summary>
public sealed class ReserveScenarioTests
{
    private const string NeedsMessage = "The scenario needs at least one writer, a writeback batch and exit allocation of a page or more, a congestion wait of a tick or more, a dirty ratio from 1 to 90% and a background ratio below it.";

    // The default scenario with one setting changed; the dirty ratio of 90% gets a zone large enough for its dirty limit.
    private static ReserveScenario With(string setting, int value) => setting switch
    {
        nameof(ReserveScenario.FileWriters) => new() { FileWriters = value },
        nameof(ReserveScenario.WritebackBatch) => new() { WritebackBatch = value },
        nameof(ReserveScenario.ExitPages) => new() { ExitPages = value },
        nameof(ReserveScenario.CongestionWaitTicks) => new() { CongestionWaitTicks = value },
        nameof(ReserveScenario.DirtyRatioPercent) => new() { DirtyRatioPercent = value, DirtyBackgroundRatioPercent = Math.Max(0, Math.Min(10, value - 1)), ZonePages = 8192 },
        nameof(ReserveScenario.DirtyBackgroundRatioPercent) => new() { DirtyBackgroundRatioPercent = value },
        nameof(ReserveScenario.DirtyExpireTicks) => new() { DirtyExpireTicks = value },
        nameof(ReserveScenario.MaxTicks) => new() { MaxTicks = value },
        nameof(ReserveScenario.TimelineEveryTicks) => new() { TimelineEveryTicks = value },
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "not a setting these tests vary"),
    };

    [Theory]
    [InlineData(nameof(ReserveScenario.FileWriters), 0, 1)]
    [InlineData(nameof(ReserveScenario.WritebackBatch), 0, 1)]
    [InlineData(nameof(ReserveScenario.ExitPages), 0, 1)]
    [InlineData(nameof(ReserveScenario.CongestionWaitTicks), 0, 1)]
    [InlineData(nameof(ReserveScenario.DirtyRatioPercent), 0, 1)]
    [InlineData(nameof(ReserveScenario.DirtyRatioPercent), 91, 90)]
    [InlineData(nameof(ReserveScenario.DirtyBackgroundRatioPercent), -1, 0)]
    [InlineData(nameof(ReserveScenario.DirtyBackgroundRatioPercent), 20, 19)]
    [InlineData(nameof(ReserveScenario.DirtyExpireTicks), 0, 1)]
    public void A_setting_past_its_range_is_refused_saying_what_the_scenario_needs_and_one_at_its_edge_is_accepted(string setting, int refused, int accepted)
    {
        Assert.Equal(NeedsMessage, Assert.Throws<ZoneConfigurationException>(With(setting, refused).Validate).Message);
        With(setting, accepted).Validate();
    }

    [Theory]
    [InlineData(nameof(ReserveScenario.MaxTicks), 1999, "The time bound (1999 ticks) must be at least ten times the consumer's start (200).", 2000)]
    [InlineData(nameof(ReserveScenario.TimelineEveryTicks), 0, "The time bound (60000 ticks) must be at least ten times the consumer's start (200).", 1)]
    public void A_time_bound_under_ten_consumer_starts_or_a_timeline_without_a_step_is_refused(string setting, int refused, string expected, int accepted)
    {
        Assert.Equal(expected, Assert.Throws<ZoneConfigurationException>(With(setting, refused).Validate).Message);
        With(setting, accepted).Validate();
    }

    [Fact]
    public void The_zone_must_hold_the_high_watermark_the_dirty_limit_a_batch_the_exit_pages_and_64_pages_more()
    {
        // 4096 pages with min_free_kbytes 1024: min 256, high 384; a dirty limit of 20% is 819 pages.
        var scenario = new ReserveScenario();
        Assert.Equal(new Watermarks(256, 320, 384), scenario.ZoneOptions.Watermarks);
        Assert.Equal(819, scenario.DirtyLimit);
        Assert.Equal(409, scenario.DirtyBackgroundThreshold);
        // 384 + 819 + 32 + 2797 + 64 is the whole zone, which is just enough.
        (scenario with { ExitPages = 2797 }).Validate();
        var error = Assert.Throws<ZoneConfigurationException>((scenario with { ExitPages = 2798 }).Validate);
        Assert.Equal("A zone of 4096 pages is smaller than the scenario needs: the high watermark (384), the dirty limit (819), a writeback batch (32), the victim's exit pages (2798) and 64 pages for the consumer and the daemon make 4097.", error.Message);
    }

    [Fact]
    public void The_zone_options_carry_the_scenarios_size_min_free_kbytes_and_scale_factor()
    {
        var scenario = new ReserveScenario { ZonePages = 5000, MinFreeKbytes = 2048, WatermarkScaleFactor = 30, DirtyRatioPercent = 30, DirtyBackgroundRatioPercent = 5 };
        Assert.Equal(new ZoneOptions { Pages = 5000, MinFreeKbytes = 2048, WatermarkScaleFactor = 30 }, scenario.ZoneOptions);
        Assert.Equal(1500, scenario.DirtyLimit);
        Assert.Equal(250, scenario.DirtyBackgroundThreshold);
        // The zone's own checks come first: watermarks that do not fit are refused as the zone refuses them.
        Assert.Contains("do not fit the zone", Assert.Throws<ZoneConfigurationException>((scenario with { MinFreeKbytes = 16384 }).Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_name_reads_back_as_what_it_names()
    {
        Assert.Equal(["2015", "favor", "reaper"], ReservePolicies.Names);
        Assert.Equal([ReservePolicy.Policy2015, ReservePolicy.Favor, ReservePolicy.Reaper], ReservePolicies.Names.Select(ReservePolicies.Parse));
        Assert.All(ReservePolicies.Names, n => Assert.Equal(n, ReservePolicies.Name(ReservePolicies.Parse(n))));
        Assert.Equal([LockHolder.KernelThread, LockHolder.DyingThread], LockHolders.Names.Select(LockHolders.Parse));
        Assert.Equal([VictimLock.XfsInodeLock, VictimLock.MmapSem], VictimLocks.Names.Select(VictimLocks.Parse));
        Assert.Equal("the XFS inode lock", VictimLocks.Describe(VictimLock.XfsInodeLock));
        Assert.Equal("mmap_sem", VictimLocks.Describe(VictimLock.MmapSem));
        Assert.Equal("There is no reserve policy kind; the policies are 2015, favor and reaper.", Assert.Throws<ZoneConfigurationException>(() => ReservePolicies.Parse("kind")).Message);
        Assert.Equal("There is no lock holder kworker; the holders are kthread and thread.", Assert.Throws<ZoneConfigurationException>(() => LockHolders.Parse("kworker")).Message);
        Assert.Equal("There is no lock i_mutex; the locks are xfs and mmap-sem.", Assert.Throws<ZoneConfigurationException>(() => VictimLocks.Parse("i_mutex")).Message);
        // The kinds of event and the modes as results write them.
        Assert.Equal(["oom-kill", "warning", "reaped", "exited"], [ReserveEvent.OomKill, ReserveEvent.Warning, ReserveEvent.Reaped, ReserveEvent.Exited]);
        Assert.Equal(["deterministic", "threaded"], [ReserveOutcome.Deterministic, ReserveOutcome.Threaded]);
    }
}
