using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.FalseShare;
using HwLab.Lab.Experiments.Locks;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Experiments.Swap;
using HwLab.Lab.Results;
using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Experiments;

/// <summary>The setting checks the experiments share: each says the same thing whichever experiment or option meets it.</summary>
public sealed class SettingChecksTests
{
    private static readonly CpuTopology s_topology = TopologyReader.Read();

    [Fact]
    public void A_repeated_cpu_is_refused_naming_the_experiment()
    {
        ExperimentSettingsException error = Assert.Throws<ExperimentSettingsException>(() => SettingChecks.EnsureOneWorkerPerCpu([0, 1, 0], "locks"));
        Assert.Equal("locks runs one worker per CPU; the CPU list repeats a CPU.", error.Message);
        SettingChecks.EnsureOneWorkerPerCpu([0, 1, 2], "locks");
    }

    [Theory]
    [InlineData(new[] { "mutex" }, "--kinds takes bitlock, ticket; 'mutex' is not one of them.")]
    [InlineData(new[] { "bitlock", "mutex", "futex" }, "--kinds takes bitlock, ticket; 'mutex,futex' is not one of them.")]
    [InlineData(new string[0], "--kinds takes bitlock, ticket; '' is not one of them.")]
    public void Unknown_or_missing_names_are_refused_naming_what_the_option_takes(string[] names, string expected)
    {
        Assert.Equal(expected, SettingChecks.UnknownNamesRefusal(names, ["bitlock", "ticket"], "--kinds"));
        Assert.Equal(expected, Assert.Throws<ExperimentSettingsException>(() => SettingChecks.EnsureKnownNames(names, ["bitlock", "ticket"], "--kinds")).Message);
        Assert.Null(SettingChecks.UnknownNamesRefusal(["ticket"], ["bitlock", "ticket"], "--kinds"));
    }

    [Fact]
    public void Cpus_read_as_a_cpulist_whatever_their_order()
    {
        Assert.Equal("0-3,8", SettingsText.Cpus([8, 3, 2, 1, 0]));
    }

    [Fact]
    public void Every_experiment_with_workers_describes_its_cpus_as_a_cpulist()
    {
        Assert.SkipWhen(s_topology.Usable.Count < 2, "needs 2 usable CPUs");
        int[] reversed = [s_topology.Usable[1], s_topology.Usable[0]];
        string expected = SettingsText.Cpus(reversed);
        // A cancelled run still records its settings, and measures nothing.
        var context = new ExperimentContext(s_topology, new CancellationToken(canceled: true));

        var falseShare = new FalseShareExperiment();
        var locks = new LocksExperiment();
        var swap = new SwapExperiment(churn: false);
        ExperimentResult[] results =
        [
            falseShare.Run(falseShare.DefaultSettings(SuiteProfile.Quick, s_topology) with { Cpus = reversed }, context),
            locks.Run(locks.DefaultSettings(SuiteProfile.Quick, s_topology) with { Cpus = reversed, WorkerCounts = [1, 2] }, context),
            swap.Run(swap.DefaultSettings(SuiteProfile.Quick, s_topology) with { Cpus = reversed, WorkerCounts = [1, 2] }, context),
        ];

        Assert.All(results, r => Assert.Equal(expected, r.Parameters["cpus"]));
    }
}
