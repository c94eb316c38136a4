using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.FalseShare;
using HwLab.Lab.Experiments.Planning;
using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Planning;

public sealed class SharingGridPlanTests
{
    private static string Grid(string capture, SuiteProfile profile = SuiteProfile.Default)
    {
        CpuTopology topology = CapturedMachines.Parse(capture);
        var experiment = new FalseShareExperiment();
        RunShape shape = experiment.Shape(experiment.DefaultSettings(profile, topology), topology);
        return shape.Lines.Single(l => l.What == "sharing grid").Value;
    }

    [Fact]
    public void On_the_epyc_eight_workers_share_a_line_within_one_l3_across_l3s_and_across_sockets()
    {
        string grid = Grid(CapturedMachines.Epyc);
        Assert.Contains("k = 8 same-l3", grid, StringComparison.Ordinal);
        Assert.Contains("k = 8 other-l3", grid, StringComparison.Ordinal);
        Assert.Contains("k = 8 other-package", grid, StringComparison.Ordinal);
    }

    [Fact]
    public void A_128_byte_line_takes_sixteen_workers()
    {
        CpuTopology arm = CapturedMachines.Parse("arm64-128b-lines.capture");
        Assert.Equal(128, arm.LineSize);
        Assert.Equal([2, 4, 8, 16], new FalseShareExperiment().DefaultSettings(SuiteProfile.Default, arm).Sharers);
        Assert.Contains("k = 16 same-l3", Grid("arm64-128b-lines.capture"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_package_desktop_has_no_cross_socket_group()
    {
        string grid = Grid("desktop-1s-16c-smt.capture");
        Assert.Contains("k = 8 same-l3", grid, StringComparison.Ordinal);
        Assert.DoesNotContain("other-package", grid, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_grid_group_has_one_worker_per_core()
    {
        CpuTopology topology = CapturedMachines.Parse(CapturedMachines.Epyc);
        var relations = new CpuRelations(topology);
        foreach (SharingPlacement placement in Enum.GetValues<SharingPlacement>())
        {
            (IReadOnlyList<int>? cpus, _) = SharingGroups.Choose(topology, relations, [.. topology.Usable], 8, placement);
            Assert.NotNull(cpus);
            Assert.Equal(8, cpus.Count);
            Assert.DoesNotContain(CpuRelation.SmtSibling, cpus.SelectMany(a => cpus.Where(b => b > a).Select(b => relations.Of(a, b))));
        }
    }
}
