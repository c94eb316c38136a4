using HwLab.Lab.Results;

namespace HwLab.Lab.Fleet;

/// <summary>One results document of a fleet and where it was read from (a results directory or its results.json), as the user named it.</summary>
public sealed record FleetInput(string Source, ResultsDocument Document);
