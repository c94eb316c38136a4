namespace HwLab.PagePool.Reserve;

/// <summary>Who may dip into the memory reserve when the zone is at its min watermark.</summary>
public enum ReservePolicy
{
    /// <summary>2015: no boost; every task gets only what its gfp flags give it.</summary>
    Policy2015,

    /// <summary>The 2015 proposal: ALLOC_HIGH for kernel threads and for tasks with a fatal signal pending.</summary>
    Favor,

    /// <summary>What the kernel did: an OOM reaper frees the victim's anonymous memory without the victim, and OOM victims get ALLOC_OOM.</summary>
    Reaper,
}

/// <summary>Policy names as the command line and results write them.</summary>
public static class ReservePolicies
{
    public static IReadOnlyList<string> Names { get; } = ["2015", "favor", "reaper"];

    public static string Name(ReservePolicy policy) => policy switch
    {
        ReservePolicy.Favor => "favor",
        ReservePolicy.Reaper => "reaper",
        _ => "2015",
    };

    /// <exception cref="Zones.ZoneConfigurationException">Not a policy name.</exception>
    public static ReservePolicy Parse(string name) => name switch
    {
        "2015" => ReservePolicy.Policy2015,
        "favor" => ReservePolicy.Favor,
        "reaper" => ReservePolicy.Reaper,
        _ => throw new Zones.ZoneConfigurationException($"There is no reserve policy {name}; the policies are 2015, favor and reaper."),
    };
}
