using HwLab.Lab.Engine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Locks;
using HwLab.Lab.Results;
using HwLab.Lab.Workloads;
using HwLab.Layout.Kernel;
using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Experiments;

/// <summary>The lock experiments' no-lost-update check on counts that wrap, as the kernel's 24-bit field does in long runs.</summary>
public sealed class CountWidthTests
{
    private static readonly CpuTopology s_topology = TopologyReader.Read();

    [Fact]
    public void Counts_are_as_wide_as_their_layouts_field()
    {
        Assert.Equal((1UL << 24) - 1, ClusterCounts.Mask<swap_cluster_info_spinlock>());
        Assert.Equal((1UL << 24) - 1, ClusterCounts.Mask<swap_cluster_info_bitfield>());
        Assert.Equal(uint.MaxValue, ClusterCounts.Mask<swap_cluster_info_seed>());
    }

    [Fact]
    public void A_ticket_lock_sample_of_more_updates_than_its_count_holds_completes()
    {
        // 20 million pairs wrap the merged form's 24-bit count once; that is no lost update.
        LocksExperiment experiment = new LocksExperiment();
        LocksSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with
        {
            Cpus = [s_topology.Usable[0]], WorkerCounts = [1], Kinds = [LocksSettings.Ticket], UncontendedOperations = 20_000_000,
        };
        ExperimentResult result = experiment.Run(settings, new ExperimentContext(s_topology, TestContext.Current.CancellationToken));
        Assert.True(result.Status == ExperimentStatus.Completed, $"{result.Status}: {result.Error}");
    }

    [Theory]
    [InlineData(20_000_000, 20_000_000 - (1 << 24), true)]
    [InlineData(20_000_000, 20_000_000 - (1 << 24) - 1, false)]
    [InlineData(1_000, 999, false)]
    public void A_lost_update_is_caught_unless_it_is_a_whole_wrap(long made, long counted, bool passes)
    {
        var run = new TeamRun([new WorkerResult(0, 0, 0, made, 1e6, null, null, null)], 0, 0);
        void Verify() => ClusterCounts.Verify(run, 1, ClusterCounts.Mask<swap_cluster_info_spinlock>(), _ => (ulong)counted, _ => false);
        if (passes)
        {
            Verify();
        }
        else
        {
            Assert.Contains("the lock lost 1", Assert.Throws<InvalidOperationException>(Verify).Message, StringComparison.Ordinal);
        }
    }
}
