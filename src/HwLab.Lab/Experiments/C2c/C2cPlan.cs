namespace HwLab.Lab.Experiments.C2c;

/// <summary>
/// The pairs one c2c run measures, decided from the settings and the topology before anything is
/// measured: every pair while the CPUs are few enough, else a stratified sample.
/// </summary>
/// <param name="Pairs">The pairs, by first then second CPU.</param>
/// <param name="FullMatrix">Every pair of the CPUs, or a sample.</param>
/// <param name="Cpus">The CPUs whose pairs are drawn from.</param>
/// <param name="AllPairs">How many pairs the CPUs form.</param>
/// <param name="L3Domains">The L3 domains the CPUs fall in.</param>
/// <param name="DomainPairsLeftOut">Pairs of L3 domains (a domain with itself included) no measured pair joins, because --max-pairs stopped the sample first; 0 for a full matrix.</param>
public sealed record C2cPlan(IReadOnlyList<CpuPair> Pairs, bool FullMatrix, int Cpus, long AllPairs, int L3Domains, int DomainPairsLeftOut)
{
    /// <summary>In a sample, pairs of each relation measured (all of them where there are fewer), before the pairs that complete the map of L3 domains.</summary>
    public const int PairsPerRelation = 8;

    /// <summary>"full matrix, 496 pairs of 32 CPUs" or "stratified sample, 184 of 32640 pairs of 256 CPUs in 16 L3 domains".</summary>
    public string Text => FullMatrix
        ? $"full matrix, {Pairs.Count} pair{(Pairs.Count == 1 ? "" : "s")} of {Cpus} CPUs"
        : $"stratified sample, {Pairs.Count} of {AllPairs} pairs of {Cpus} CPUs in {L3Domains} L3 domains";
}
