namespace HwLab.Lab.Experiments.Reserve;

/// <summary>The keys of the reserve experiment's points and timelines: the measurement writes them, the report reads them.</summary>
internal static class ReserveKeys
{
    /// <summary>Reserve policy: 2015, favor, reaper.</summary>
    public const string Policy = "policy";

    /// <summary>deterministic or threaded.</summary>
    public const string Mode = "mode";

    /// <summary>The lock the OOM victim waits for, on the reaper's contrast runs only: mmap-sem.</summary>
    public const string Lock = "lock";
}
