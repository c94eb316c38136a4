namespace HwLab.Lab.Fleet;

/// <summary>The machines of one CPU model, in the order they were named.</summary>
public sealed record FleetGroup(string CpuModel, IReadOnlyList<FleetMachine> Machines);
