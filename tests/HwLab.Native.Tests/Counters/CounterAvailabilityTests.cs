using HwLab.Native.Counters;

namespace HwLab.Native.Tests.Counters;

public sealed class CounterAvailabilityTests
{
    [Fact]
    public void Probe_reports_every_kind_and_the_software_events_are_there_on_Linux()
    {
        IReadOnlyList<CounterAvailability> probed = CounterAvailability.Probe();

        Assert.Equal(Enum.GetValues<CounterKind>(), probed.Select(a => a.Kind));
        foreach (CounterAvailability availability in probed)
        {
            Assert.Equal(availability.IsAvailable, availability.UnavailableReason is null);
            Assert.True(availability.IsAvailable || availability.UnavailableReason!.Length > 0);
            if (OperatingSystem.IsLinux() && !availability.Kind.IsHardware())
            {
                Assert.True(availability.IsAvailable, availability.UnavailableReason);
            }
        }
    }
}
