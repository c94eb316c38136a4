namespace HwLab.Lab.Experiments.C2c;

/// <summary>Two CPUs and how they are related: SMT siblings of one core, two cores of one package, or two packages.</summary>
public sealed record CpuPair(int First, int Second, string Relation)
{
    public const string SmtSiblings = "smt";
    public const string SamePackage = "same-package";
    public const string CrossPackage = "cross-package";

    public override string ToString() => $"{First}-{Second}";
}
