using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Experiments.C2c;
using HwLab.Lab.Experiments.FalseShare;
using HwLab.Lab.Experiments.Locks;
using HwLab.Lab.Experiments.Reserve;
using HwLab.Lab.Experiments.Swap;
using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Experiments;

/// <summary>Settings each within range that together ask for more than a day, more memory than half the machine's, or more samples than results hold.</summary>
public sealed class RunBudgetTests
{
    private static readonly CpuTopology s_topology = TopologyReader.Read();
    private static readonly C2cExperiment s_c2c = new();
    private static readonly FalseShareExperiment s_falseShare = new();
    private static readonly LocksExperiment s_locks = new();
    private static readonly SwapExperiment s_swap = new(churn: false);
    private static readonly SwapExperiment s_churn = new(churn: true);
    private static readonly ReserveExperiment s_reserve = new();

    [Fact]
    public void Products_and_sums_saturate_instead_of_wrapping()
    {
        Assert.Equal(long.MaxValue, RunBudget.Product(long.MaxValue, 2));
        Assert.Equal(long.MaxValue, RunBudget.Product(1L << 40, 1L << 40, 1L << 40));
        Assert.Equal(0, RunBudget.Product(long.MaxValue, long.MaxValue, 0));
        Assert.Equal(6, RunBudget.Product(1, 2, 3));
        Assert.Equal(long.MaxValue, RunBudget.Sum(long.MaxValue, 1));
        Assert.Equal(long.MaxValue - 1, RunBudget.Sum(long.MaxValue - 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RunBudget.Product(-1, 1));
    }

    [Fact]
    public void Falseshare_that_would_take_more_than_a_day_is_refused_naming_what_to_lower()
    {
        FalseShareExperiment experiment = s_falseShare;
        FalseShareSettings settings = Falseshare() with
        {
            Samples = (int)ExperimentLimits.Samples.Max, OperationsPerWorker = FalseShareSettings.OperationsRange.Max,
            Distances = [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096], Implementations = ["managed", "managed-xadd", "native"],
        };
        // 30 points of 10 002 runs of 100 million pairs: 33 hours even at 4 ns a pair.
        string message = Assert.Throws<ExperimentSettingsException>(() => experiment.Validate(settings, s_topology)).Message;
        Assert.Contains("falseshare would measure for at least", message, StringComparison.Ordinal);
        Assert.Contains("at most 24 hours: lower --samples, --ops, --distances or --impls", message, StringComparison.Ordinal);
        // The same settings with a tenth of the samples fit.
        experiment.Validate(settings with { Samples = 1_000 }, s_topology);
    }

    [Fact]
    public void Falseshare_that_would_keep_too_many_samples_is_refused()
    {
        FalseShareExperiment experiment = s_falseShare;
        FalseShareSettings settings = Falseshare() with
        {
            Samples = (int)ExperimentLimits.Samples.Max, OperationsPerWorker = FalseShareSettings.OperationsRange.Min, Distances = [.. Enumerable.Range(1, 512).Select(i => i * 8)],
        };
        string message = Assert.Throws<ExperimentSettingsException>(() => experiment.Validate(settings, s_topology)).Message;
        Assert.Contains($"results hold at most {RunBudget.MaxWorkerSamples}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locks_whose_contended_minutes_add_up_to_more_than_a_day_are_refused()
    {
        Assert.SkipWhen(s_topology.Usable.Count < 2, "contended runs need 2 usable CPUs");
        LocksExperiment experiment = s_locks;
        LocksSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with
        {
            Cpus = [.. s_topology.Usable.Take(2)], WorkerCounts = [1, 2], Samples = 1_440, ContendedDuration = TimeSpan.FromMinutes(1), Kinds = [LocksSettings.Ticket],
        };
        // 1440 samples and 2 warm-up runs of a minute each are just over a day.
        Assert.Contains("locks would measure for at least 24", Assert.Throws<ExperimentSettingsException>(() => experiment.Validate(settings, s_topology)).Message, StringComparison.Ordinal);
        experiment.Validate(settings with { Samples = 1_430 }, s_topology);
    }

    [Fact]
    public void Swap_devices_that_do_not_fit_half_the_memory_are_refused()
    {
        SwapExperiment experiment = s_swap;
        SwapSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with
        {
            Cpus = [s_topology.Usable[0]], WorkerCounts = [1], DeviceSlots = SwapSettings.DeviceSlotsRange.Max, Layouts = [8, 24, 64], Modes = ["bitlock", "spinlock"],
        };
        // Four mode and layout pairs (bitlock at 8 and 64 bytes, spinlock at 8 and 24), each in the orders its
        // kernels had (24 bytes only in columns): 7 devices of 4 GiB, over the 16 GiB any run may map.
        string message = Assert.Throws<ExperimentSettingsException>(() => experiment.Validate(settings, s_topology)).Message;
        Assert.Contains("swap would map 28", message, StringComparison.Ordinal);
        Assert.Contains("lower --device-slots", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserve_threaded_runs_adding_up_to_more_than_a_day_are_refused()
    {
        ReserveExperiment experiment = s_reserve;
        ReserveSettings settings = ReserveSettings.ForProfile(SuiteProfile.Default) with { Repeats = 1_000, ThreadedDuration = TimeSpan.FromMinutes(1) };
        Assert.Contains("3 policies and the reaper again with mmap_sem held, 1000 threaded runs of 60000 ms", Assert.Throws<ExperimentSettingsException>(() => experiment.Validate(settings, s_topology)).Message, StringComparison.Ordinal);
        // Deterministic runs alone take no wall time to speak of.
        experiment.Validate(settings with { Modes = ["deterministic"] }, s_topology);
    }

    [Fact]
    public void Settings_far_outside_every_range_are_refused_without_an_overflow()
    {
        // Settings built in code skip the command line's parsing; Validate still names the setting.
        Assert.Contains("--round-trips must be a whole number from 100 to 10000000, not '9223372036854775807'", Refusal(() => s_c2c.Validate(
            s_c2c.DefaultSettings(SuiteProfile.Quick, s_topology) with { Cpus = [.. s_topology.Usable.Take(2)], RoundTrips = long.MaxValue }, s_topology)), StringComparison.Ordinal);
        Assert.Contains("--samples must be a whole number from 5 to 10000, not '2147483647'", Refusal(() => s_falseShare.Validate(
            Falseshare() with { Samples = int.MaxValue }, s_topology)), StringComparison.Ordinal);
        Assert.Contains("--device-slots must be a whole number from 4 to 1048576, not '9223372036854775807'", Refusal(() => s_churn.Validate(
            s_churn.DefaultSettings(SuiteProfile.Quick, s_topology) with { DeviceSlots = long.MaxValue }, s_topology)), StringComparison.Ordinal);
        Assert.Contains("--zone-pages must be a whole number from 128 to 262144, not '9223372036854775807'", Refusal(() => s_reserve.Validate(
            ReserveSettings.ForProfile(SuiteProfile.Quick) with { Scenario = new() { ZonePages = long.MaxValue } }, s_topology)), StringComparison.Ordinal);
        Assert.Contains("--duration-ms must be a whole number from 1 to 60000, not '0.5'", Refusal(() => s_locks.Validate(
            s_locks.DefaultSettings(SuiteProfile.Quick, s_topology) with { ContendedDuration = TimeSpan.FromMilliseconds(0.5) }, s_topology)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_profile_fits_the_budget_on_this_machine()
    {
        foreach (SuiteProfile profile in Enum.GetValues<SuiteProfile>())
        {
            if (s_topology.Usable.Count >= 2)
            {
                s_c2c.Validate(s_c2c.DefaultSettings(profile, s_topology), s_topology);
                s_falseShare.Validate(s_falseShare.DefaultSettings(profile, s_topology), s_topology);
            }
            s_locks.Validate(s_locks.DefaultSettings(profile, s_topology), s_topology);
            s_swap.Validate(s_swap.DefaultSettings(profile, s_topology), s_topology);
            s_churn.Validate(s_churn.DefaultSettings(profile, s_topology), s_topology);
            s_reserve.Validate(s_reserve.DefaultSettings(profile, s_topology), s_topology);
        }
    }

    private static FalseShareSettings Falseshare()
    {
        Assert.SkipWhen(s_topology.Usable.Count < 2, "falseshare needs 2 usable CPUs");
        return s_falseShare.DefaultSettings(SuiteProfile.Quick, s_topology) with { Cpus = [.. s_topology.Usable.Take(2)] };
    }

    private static string Refusal(Action validate) => Assert.Throws<ExperimentSettingsException>(validate).Message;
}
