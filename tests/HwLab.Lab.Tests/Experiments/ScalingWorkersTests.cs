using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Locks;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Experiments.Swap;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Experiments;

/// <summary>Where locks and swap measure their curves: every doubling up to the CPUs, the CPUs capped by the profile.</summary>
public sealed class ScalingWorkersTests
{
    private static readonly CpuTopology s_machine = TopologyReader.Read();

    // This machine as if it had more CPUs usable: the defaults read only the usable set's size.
    private static CpuTopology WithUsable(int cpus) => s_machine with { Usable = CpuSet.Parse($"0-{cpus - 1}") };

    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(1, new[] { 1 })]
    [InlineData(2, new[] { 1, 2 })]
    [InlineData(8, new[] { 1, 2, 4, 8 })]
    [InlineData(12, new[] { 1, 2, 4, 8, 12 })]
    [InlineData(128, new[] { 1, 2, 4, 8, 16, 32, 64, 128 })]
    public void Counts_double_up_to_the_cpus_and_end_at_them(int cpus, int[] expected)
    {
        Assert.Equal(expected, ScalingWorkers.Counts(cpus));
    }

    [Theory]
    [InlineData(SuiteProfile.Quick, 8)]
    [InlineData(SuiteProfile.Default, 32)]
    [InlineData(SuiteProfile.Full, 128)]
    public void On_a_machine_of_512_cpus_each_profile_stops_at_its_cap(SuiteProfile profile, int cap)
    {
        CpuTopology big = WithUsable(512);
        LocksSettings locks = new LocksExperiment().DefaultSettings(profile, big);
        SwapSettings swap = new SwapExperiment(churn: false).DefaultSettings(profile, big);
        SwapSettings churn = new SwapExperiment(churn: true).DefaultSettings(profile, big);

        Assert.Equal(cap, locks.Cpus.Count);
        Assert.Equal(ScalingWorkers.Counts(cap), locks.WorkerCounts);
        Assert.Equal(cap, swap.Cpus.Count);
        Assert.Equal(ScalingWorkers.Counts(cap), swap.WorkerCounts);
        // churn's claims take the most workers only: one worker and every worker, but for --full.
        Assert.Equal(profile == SuiteProfile.Full ? ScalingWorkers.Counts(cap) : [1, cap], churn.WorkerCounts);
    }

    [Fact]
    public void Under_the_cap_the_curve_ends_at_every_cpu()
    {
        CpuTopology twelve = WithUsable(12);

        Assert.Equal([1, 2, 4, 8, 12], new LocksExperiment().DefaultSettings(SuiteProfile.Default, twelve).WorkerCounts);
        Assert.Equal([1, 2, 4, 8, 12], new SwapExperiment(churn: false).DefaultSettings(SuiteProfile.Default, twelve).WorkerCounts);
        Assert.Equal([1, 2, 4, 8], new SwapExperiment(churn: false).DefaultSettings(SuiteProfile.Quick, twelve).WorkerCounts);
    }

    [Fact]
    public void Workers_given_go_over_the_curve()
    {
        Assert.SkipWhen(s_machine.Usable.Count < 2, "needs 2 usable CPUs");
        var locks = new LocksExperiment();
        var swap = new SwapExperiment(churn: false);

        Assert.Equal([2], locks.Settings(SuiteProfile.Quick, s_machine, new GivenText(("--workers", "2"))).WorkerCounts);
        Assert.Equal([1], swap.Settings(SuiteProfile.Quick, s_machine, new GivenText(("--workers", "1"))).WorkerCounts);
    }
}
