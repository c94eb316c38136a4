using HwLab.Lab.Engine;

namespace HwLab.Lab.Tests.Engine;

public sealed class PlacementProbeTests
{
    [Fact]
    public void The_probe_on_this_machine_is_positive_and_finite()
    {
        using PlacementProbe probe = PlacementProbe.For(TestCpus.Two())!;

        double ns = probe.Measure(CancellationToken.None);

        Assert.True(double.IsFinite(ns) && ns > 0, $"{ns} ns per round trip");
    }

    [Fact]
    public void One_cpu_has_nothing_to_probe()
        => Assert.Null(PlacementProbe.For([0, 0]));

    [Fact]
    public void Many_cpus_are_probed_in_a_fixed_handful_of_pairs()
    {
        IReadOnlyList<(int A, int B)> pairs = PlacementProbe.PairsOf([.. Enumerable.Range(0, 512)]);

        Assert.Equal(PlacementProbe.MaxPairs, pairs.Count);
        Assert.All(pairs, p => Assert.Equal(0, p.A));
        Assert.Equal(511, pairs[^1].B);
        Assert.Equal([(0, 1)], PlacementProbe.PairsOf([0, 1]));
    }
}
