using HwLab.Lab.Decisions;

namespace HwLab.Lab.Tests.Decisions;

public sealed class PlacementGroupsTests
{
    [Fact]
    public void Probes_a_placement_apart_form_two_groups()
    {
        IReadOnlyList<PlacementGroup> groups = PlacementGroups.Split([24, 290, 26, 310, 25, 280, 27]);

        Assert.Equal(2, groups.Count);
        Assert.Equal((24.0, 27.0, 4), (groups[0].Low, groups[0].High, groups[0].Rounds));
        Assert.Equal((280.0, 310.0, 3), (groups[1].Low, groups[1].High, groups[1].Rounds));
        Assert.Equal("placement ~290 ns", groups[1].Label);
    }

    [Fact]
    public void Noise_on_one_placement_stays_one_group()
    {
        // Tens of percent either way, as one placement's probes spread on the KVM guest.
        PlacementGroup group = Assert.Single(PlacementGroups.Split([100, 130, 85, 150, 110, 95, 160]));

        Assert.Equal(7, group.Rounds);
    }

    [Fact]
    public void No_probe_gives_no_group()
    {
        Assert.Empty(PlacementGroups.Split([]));
        Assert.Empty(PlacementGroups.Split([double.NaN, 0, -1]));
    }

    [Fact]
    public void A_probe_exactly_twice_the_one_below_starts_a_group()
        => Assert.Equal([(100.0, 100.0), (200.0, 200.0)], PlacementGroups.Split([100, 200]).Select(g => (g.Low, g.High)));
}
