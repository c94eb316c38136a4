using HwLab.Lab.Comparison;
using HwLab.Lab.Decisions;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;
using static HwLab.Lab.Tests.Comparison.ComparisonDocuments;

namespace HwLab.Lab.Tests.Comparison;

/// <summary>
/// A difference that came with slower memory on one side (page copies on the 2-vCPU KVM guest ran
/// in stretches between about 220 and about 700 ns per page, placement unchanged) is the
/// machine's, not the code's.
/// </summary>
public sealed class MemoryComparisonTests
{
    private static readonly double[] s_placement = [60, 58, 61, 59, 62, 60];
    private static readonly double[] s_fast = [300, 310, 290, 305, 295, 300];
    private static readonly double[] s_slow = [620, 640, 610, 630, 620, 615];
    private static readonly double[] s_quick = [2.5e6, 2.6e6, 2.4e6, 2.5e6, 2.55e6, 2.45e6];
    private static readonly double[] s_slowed = [1.2e6, 1.3e6, 1.25e6, 1.2e6, 1.3e6, 1.25e6];

    private static PointResult Swap(double[] values, double[] memory)
        => PointWith("p", [.. values.Select((v, i) => SampleDocuments.Sample(i, v) with
        {
            Extras = new Dictionary<string, double> { [RoundFigures.PlacementExtra] = s_placement[i], [RoundFigures.MemoryExtra] = memory[i] },
        })]);

    [Fact]
    public void A_difference_that_came_with_slower_memory_is_put_down_to_the_machine()
    {
        PointComparison point = Only(ResultsComparer.Compare(Document(Swap(s_quick, s_fast)), "a", Document(Swap(s_slowed, s_slow)), "b"));

        Assert.Equal(PointComparison.MachineStateDiffered, point.State);
        Assert.False(point.Flagged);
        Assert.Equal(point.A.Placement, point.B.Placement);
        Assert.Equal((300.0, 620.0), (point.A.MemoryNsPerPage, point.B.MemoryNsPerPage));
        Assert.Contains("memory copy 300 ns per page on A, 620 on B", point.Why, StringComparison.Ordinal);
        Assert.Equal("memory 300 vs 620 ns per page", point.MachineState);
    }

    [Fact]
    public void The_same_difference_with_memory_as_fast_on_both_sides_is_a_change()
    {
        PointComparison point = Only(ResultsComparer.Compare(Document(Swap(s_quick, s_fast)), "a", Document(Swap(s_slowed, s_fast)), "b"));

        Assert.Equal(PointComparison.Changed, point.State);
        Assert.True(point.Flagged);
        Assert.Null(point.MachineState);
    }

    [Fact]
    public void Memory_probes_within_the_band_say_nothing()
    {
        PointMemory memory = PointMemory.Of(s_fast, [.. s_fast.Select(v => v * 1.02)], NoChangeBand.FromPercent(5));

        Assert.False(memory.Differs);
        Assert.False(PointMemory.Of([], s_slow, NoChangeBand.FromPercent(5)).Differs);
    }
}
