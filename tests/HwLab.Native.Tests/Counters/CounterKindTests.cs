using HwLab.Native.Counters;

namespace HwLab.Native.Tests.Counters;

public sealed class CounterKindTests
{
    [Fact]
    public void Kinds_carry_perfs_names_and_are_software_or_hardware()
    {
        Assert.Equal(
            ["task-clock", "context-switches", "cpu-migrations", "cycles", "instructions", "cache-misses"],
            Enum.GetValues<CounterKind>().Select(k => k.PerfEventName()));
        Assert.Equal([false, false, false, true, true, true], Enum.GetValues<CounterKind>().Select(k => k.IsHardware()));
    }
}
