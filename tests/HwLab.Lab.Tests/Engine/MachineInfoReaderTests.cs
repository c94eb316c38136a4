using HwLab.Lab.Engine;
using HwLab.Lab.Results;
using HwLab.Native.Counters;
using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Engine;

public sealed class MachineInfoReaderTests
{
    [Fact]
    public void This_machine_is_read_from_its_topology_with_every_counter_and_the_clock_cost()
    {
        CpuTopology topology = TopologyReader.Read();

        MachineInfo machine = MachineInfoReader.Read(topology);

        Assert.Equal(Environment.MachineName, machine.Host);
        Assert.Equal((topology.Online, topology.Usable, topology.LineSize), (machine.Online, machine.Usable, machine.LineSize));
        Assert.Equal(Enum.GetValues<CounterKind>().Select(k => k.PerfEventName()).Order(), machine.Counters.Select(c => c.Name).Order());
        Assert.All(machine.Counters, c => Assert.Equal(c.Available, c.UnavailableReason is null));
        Assert.True(double.IsFinite(machine.ClockReadNanoseconds) && machine.ClockReadNanoseconds > 0, $"{machine.ClockReadNanoseconds} ns per clock read");
    }
}
