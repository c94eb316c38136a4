using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Experiments.C2c;
using HwLab.Lab.Experiments.FalseShare;
using HwLab.Lab.Experiments.Locks;
using HwLab.Lab.Experiments.Reserve;
using HwLab.Lab.Experiments.Swap;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Engine;
using HwLab.Native.Topology;
using HwLab.PagePool.Reserve;

namespace HwLab.Lab.Tests.Experiments;

/// <summary>
/// Every experiment, sized to run for minutes or hours a sample, answers a cancellation (what
/// Ctrl+C raises) within a second: interrupted, with what it finished.
/// </summary>
public sealed class InterruptTests
{
    private static readonly CpuTopology s_topology = TopologyReader.Read();

    private static IReadOnlyList<int> TwoCpus()
    {
        Assert.SkipWhen(s_topology.Usable.Count < 2, "needs 2 usable CPUs");
        return [.. s_topology.Usable.Take(2)];
    }

    [Fact]
    public void C2c_with_ten_million_round_trips_a_sample()
    {
        C2cExperiment experiment = new C2cExperiment();
        C2cSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with { Cpus = TwoCpus(), RoundTrips = C2cSettings.RoundTripsRange.Max };
        AssertInterruptedPromptly(token => experiment.Run(settings, Context(token)));
    }

    [Fact]
    public void Falseshare_with_a_hundred_million_pairs_a_sample()
    {
        FalseShareExperiment experiment = new FalseShareExperiment();
        FalseShareSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with
        {
            Cpus = TwoCpus(), OperationsPerWorker = FalseShareSettings.OperationsRange.Max,
        };
        AssertInterruptedPromptly(token => experiment.Run(settings, Context(token)));
    }

    [Theory]
    [InlineData(LocksSettings.BitLock)]
    [InlineData(LocksSettings.NativeBitLock)]
    [InlineData(LocksSettings.DotnetLock)]
    public void Locks_alone_with_a_hundred_million_pairs_a_sample(string kind)
    {
        LocksExperiment experiment = new LocksExperiment();
        LocksSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with
        {
            Cpus = [s_topology.Usable[0]], WorkerCounts = [1], Kinds = [kind], UncontendedOperations = LocksSettings.OperationsRange.Max,
        };
        AssertInterruptedPromptly(token => experiment.Run(settings, Context(token)));
    }

    [Theory]
    [InlineData(LocksSettings.NativeBitLock)]
    [InlineData(LocksSettings.Ticket)]
    public void Locks_contended_for_a_minute_a_sample(string kind)
    {
        LocksExperiment experiment = new LocksExperiment();
        // The lone worker's runs are over in moments; the contended one's first warm-up takes the cancel.
        LocksSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with
        {
            Cpus = TwoCpus(), WorkerCounts = [1, 2], Kinds = [kind], UncontendedOperations = LocksSettings.OperationsRange.Min,
            ContendedDuration = TimeSpan.FromMilliseconds(LocksSettings.DurationMillisecondsRange.Max),
        };
        AssertInterruptedPromptly(token => experiment.Run(settings, Context(token)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Swap_and_churn_with_ten_million_operations_a_sample(bool churn)
    {
        SwapExperiment experiment = churn ? new SwapExperiment(churn: true) : new SwapExperiment(churn: false);
        SwapSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with
        {
            Cpus = [s_topology.Usable[0]], WorkerCounts = [1], OperationsPerWorker = SwapSettings.OperationsRange.Max,
        };
        AssertInterruptedPromptly(token => experiment.Run(settings, Context(token)));
    }

    [Fact]
    public void Swap_while_a_four_gigabyte_device_is_faulted_in()
    {
        // Faulting in 4 GiB takes seconds (twenty on a 2-vCPU guest): the cancel lands inside it.
        SwapExperiment experiment = new SwapExperiment(churn: false);
        SwapSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with
        {
            Cpus = [s_topology.Usable[0]], WorkerCounts = [1], Modes = ["device"], Orders = ["sequential"], Layouts = [4],
            DeviceSlots = SwapSettings.DeviceSlotsRange.Max,
        };
        Assert.SkipWhen(RunBudget.MemoryBytes < SwapSettings.DeviceSlotsRange.Max * 4097, "needs 8 GiB of memory");
        AssertInterruptedPromptly(token => experiment.Run(settings, Context(token)));
    }

    [Fact]
    public void Reserve_threaded_with_every_writer_for_a_minute_a_run()
    {
        ReserveExperiment experiment = new ReserveExperiment();
        ReserveSettings settings = ReserveSettings.ForProfile(SuiteProfile.Quick) with
        {
            Modes = [ReserveOutcome.Threaded], Repeats = 1, ThreadedDuration = TimeSpan.FromMilliseconds(ReserveSettings.DurationMillisecondsRange.Max),
            Scenario = new ReserveScenario { FileWriters = (int)ReserveSettings.WritersRange.Max },
        };
        AssertInterruptedPromptly(token => experiment.Run(settings, Context(token)));
    }

    [Fact]
    public void Reserve_deterministic_with_every_writer_for_a_million_ticks()
    {
        ReserveExperiment experiment = new ReserveExperiment();
        ReserveSettings settings = ReserveSettings.ForProfile(SuiteProfile.Quick) with
        {
            Modes = [ReserveOutcome.Deterministic],
            Scenario = new ReserveScenario { FileWriters = (int)ReserveSettings.WritersRange.Max, MaxTicks = ReserveSettings.MaxTicksRange.Max },
        };
        AssertInterruptedPromptly(token => experiment.Run(settings, Context(token)));
    }

    [Fact]
    public void Reserve_while_the_largest_zone_is_faulted_in()
    {
        ReserveExperiment experiment = new ReserveExperiment();
        ReserveSettings settings = ReserveSettings.ForProfile(SuiteProfile.Quick) with
        {
            Modes = [ReserveOutcome.Deterministic], Scenario = new ReserveScenario { ZonePages = ReserveSettings.ZonePagesRange.Max },
        };
        AssertInterruptedPromptly(token => experiment.Run(settings, Context(token)), TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Reserve_keeps_the_policies_it_finished()
    {
        ReserveExperiment experiment = new ReserveExperiment();
        // The deterministic 2015 run is over in well under the delay; the threaded one takes the cancel.
        ReserveSettings settings = ReserveSettings.ForProfile(SuiteProfile.Quick) with
        {
            Policies = ["2015", "favor"], Repeats = 1, ThreadedDuration = TimeSpan.FromMilliseconds(ReserveSettings.DurationMillisecondsRange.Max),
            Scenario = new ReserveScenario { MaxTicks = ReserveSettings.MaxTicksRange.Min },
        };
        ExperimentResult result = AssertInterruptedPromptly(token => experiment.Run(settings, Context(token)), TimeSpan.FromMilliseconds(500));
        PointResult kept = Assert.Single(result.Points);
        Assert.Equal("policy=2015 mode=deterministic", kept.Id);
    }

    private static ExperimentContext Context(CancellationToken token) => new(s_topology, token);

    private static ExperimentResult AssertInterruptedPromptly(Func<CancellationToken, ExperimentResult> run, TimeSpan? delay = null)
    {
        (ExperimentResult result, TimeSpan afterCancel) = Interrupt.Measure(run, delay);
        Assert.True(result.Status == ExperimentStatus.Interrupted, $"{result.Name}: {result.Status}: {result.Error}");
        Interrupt.AssertPrompt(afterCancel);
        return result;
    }
}
