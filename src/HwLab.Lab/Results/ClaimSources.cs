namespace HwLab.Lab.Results;

/// <summary>
/// Where the claims the experiments test come from: the mails, commits and kernel releases a
/// verdict's <see cref="Verdict.Source"/> names, as the archive shows them. A claim of HwLab's
/// own carries none; a figure no mail or commit gives is not quoted at all.
/// </summary>
public static class ClaimSources
{
    /// <summary>The seed patch, as archived on linux-mm (the date is not in the archived copy).</summary>
    public const string SeedPatch = "linux-mm: \"[PATCH v5 2/9] mm/swap: Add cluster lock\", Huang, Ying (signed off with Tim Chen)";

    /// <summary>The cover letter of the same series, with upstream's throughput figures.</summary>
    public const string SeedCoverLetter = "linux-mm: the cover letter of v5 of the cluster lock series, Huang, Ying, January 2017 (vmstat swap-out kB/s, 32 processes, Xeon E5 v3)";

    /// <summary>Andrew Morton's review of the seed series.</summary>
    public const string Review = "linux-mm: Andrew Morton's review of the cluster lock series";

    /// <summary>The cluster lock as merged, a spinlock_t beside the 4.10 bitfield.</summary>
    public const string MergedCommit = "Linux 4.11, commit 235b62176712 (mm/swap: add cluster lock)";

    /// <summary>Merged 4.11's swap slot cache and batched frees, from the same series as merged.</summary>
    public const string MergedSlotsCache = "Linux 4.11, mm/swap_slots.c (\"mm/swap: Add cache for swap slots allocation\", Tim Chen) and mm/swapfile.c (get_swap_pages, swapcache_free_entries)";

    /// <summary>The 2015 proposal and its reproducer and log, as archived on linux-mm.</summary>
    public const string Proposal2015 = "linux-mm: \"Re: [PATCH] mm/page_alloc: Favor kthread and dying threads over normal threads\", Tetsuo Handa (patch dated Thu, 10 Sep 2015)";

    /// <summary>What the kernel did instead of the 2015 proposal.</summary>
    public const string ReaperAndAllocOom = "Linux 4.6 (the OOM reaper) and Linux 4.15 (ALLOC_OOM), mm/oom_kill.c and mm/page_alloc.c";

    /// <summary>The change that gave OOM victims ALLOC_OOM, whose message the safety-room claim quotes.</summary>
    public const string AllocOom = "Linux 4.15, the change that replaced an OOM victim's full reserve access with ALLOC_OOM (mm/page_alloc.c)";

    /// <summary>The peer tool whose typical latencies the c2c verdicts set beside this machine's.</summary>
    public const string CoreToCoreLatency = "core-to-core-latency (Rust), its typical Xeon figures";
}
