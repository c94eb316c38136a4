namespace HwLab.Lab.Experiments.FalseShare;

/// <summary>Where the k workers whose clusters share one line sit relative to each other.</summary>
public enum SharingPlacement
{
    /// <summary>Every worker on its own core of one L3 domain (a CCX, a die): the line moves inside one L3.</summary>
    SameL3,

    /// <summary>The workers spread over the L3 domains of one package: the line crosses L3s.</summary>
    OtherL3,

    /// <summary>The workers spread over the packages: the line crosses sockets.</summary>
    OtherPackage,
}

/// <summary>The names of <see cref="SharingPlacement"/> on the command line and in point keys.</summary>
public static class SharingPlacements
{
    public static IReadOnlyList<string> Names { get; } = ["same-l3", "other-l3", "other-package"];

    public static string Name(this SharingPlacement placement) => Names[(int)placement];

    public static SharingPlacement Parse(string name) => (SharingPlacement)Names.ToList().IndexOf(name);
}
