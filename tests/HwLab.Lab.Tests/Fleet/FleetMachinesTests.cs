using HwLab.Lab.Fleet;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Fleet;

public sealed class FleetMachinesTests
{
    [Fact]
    public void Labels_stay_distinct_even_when_a_host_is_named_like_a_label()
    {
        ResultsDocument captured = CapturedResults.Load();
        FleetInput[] inputs = [.. new[] { "vm", "vm", "vm#1", "other" }.Select((host, i) =>
            new FleetInput($"dir{i}", captured with { Machine = captured.Machine with { Host = host } }))];

        FleetTables fleet = FleetTables.From(inputs);

        Assert.Equal(["vm#2", "vm#3", "vm#1", "other"], fleet.Machines.Select(m => m.Label));
    }

    [Fact]
    public void A_machine_without_a_cpu_model_is_grouped_as_unknown()
    {
        ResultsDocument captured = CapturedResults.Load();
        FleetTables fleet = FleetTables.From([new FleetInput("a", captured with { Machine = captured.Machine with { CpuModel = null } }), new FleetInput("b", captured)]);

        Assert.Equal([FleetMachine.UnknownCpuModel, "AMD EPYC"], fleet.Groups.Select(g => g.CpuModel));
    }

    [Fact]
    public void The_default_directory_is_named_like_a_suites_with_fleet_for_the_host()
    {
        var utc = new DateTimeOffset(2026, 11, 28, 23, 32, 17, TimeSpan.Zero);
        Assert.Equal("fleet-20261128T233217Z", FleetDirectory.DefaultPath(utc));
        Assert.Equal(Path.Combine("results", "vm-20261128T233217Z"), ResultsDirectory.DefaultPath("vm", utc));
    }
}
