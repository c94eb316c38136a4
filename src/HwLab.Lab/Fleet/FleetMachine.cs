using HwLab.Lab.Results;

namespace HwLab.Lab.Fleet;

/// <summary>
/// One column of a fleet: one results document with a label of its own. Two runs of one host
/// (or one results directory named twice) are two machines with two labels.
/// </summary>
/// <param name="Label">The host, or host#N when several documents come from one host.</param>
public sealed record FleetMachine(string Label, string Source, ResultsDocument Document)
{
    public const string UnknownCpuModel = "unknown CPU";

    public string Host => Document.Machine.Host;

    public string CpuModel => Document.Machine.CpuModel ?? UnknownCpuModel;
}
