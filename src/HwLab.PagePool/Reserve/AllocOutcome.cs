namespace HwLab.PagePool.Reserve;

/// <summary>How one pass through the page allocator ended for the caller.</summary>
public enum AllocOutcome
{
    /// <summary>A page was handed out.</summary>
    Success,

    /// <summary>No page, but something moved (reclaim freed pages, the OOM killer chose a victim): try again at once.</summary>
    RetryNow,

    /// <summary>No page and no progress: wait (congestion_wait) and try again; for a caller without __GFP_FS, the 2015 allocator's "keep looping as per tradition".</summary>
    Wait,
}
