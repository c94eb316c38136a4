using System.Globalization;

namespace HwLab.Lab.Decisions;

/// <summary>Rounds whose placement probes agree: one state of the machine (which cores the host gave the vCPUs).</summary>
/// <param name="Low">The fastest probe in the group, ns.</param>
/// <param name="High">The slowest probe in the group, ns.</param>
/// <param name="Median">The group's median probe, ns.</param>
/// <param name="Rounds">How many rounds fell in it.</param>
public sealed record PlacementGroup(double Low, double High, double Median, int Rounds)
{
    public bool Contains(double ns) => ns >= Low && ns <= High;

    /// <summary>"placement ~25 ns".</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"placement ~{Median:0.#} ns");
}
