namespace HwLab.PagePool.Reserve;

/// <summary>Who may dip into the memory reserve when the zone is at its min watermark, and what else helps.</summary>
public enum ReservePolicy
{
    /// <summary>Stock 4.2: the thread the OOM killer marked (TIF_MEMDIE) gets ALLOC_NO_WATERMARKS; everyone else gets what their gfp flags give them.</summary>
    Policy2015,

    /// <summary>The 2015 proposal on 4.2: as stock, and after the TIF_MEMDIE branch ALLOC_HIGH for kernel threads and for tasks with a fatal signal pending.</summary>
    Favor,

    /// <summary>
    /// What the kernel did: 4.6's OOM reaper frees the victim's anonymous memory without waiting for
    /// its threads, and the marked victim gets 4.15's ALLOC_OOM (half of min) in place of its flags.
    /// </summary>
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
