namespace HwLab.PagePool.Reserve;

/// <summary>How one pass through the page allocator ended for the caller.</summary>
public enum AllocOutcome
{
    /// <summary>A page was handed out.</summary>
    Success,

    /// <summary>No page, but something moved (reclaim freed pages, the OOM killer acted): the allocator tries again at once.</summary>
    RetryNow,

    /// <summary>
    /// No page and no real progress, but the allocator keeps the allocation and tries again after a
    /// pause: reclaim still counts the zone reclaimable, or (stock 4.2, an allocation without
    /// __GFP_FS) "keep looping as per tradition". The caller never sees a failure.
    /// </summary>
    Wait,

    /// <summary>The allocator gave up and returned no page: the caller must cope (XFS retries in a loop of its own).</summary>
    Failed,
}
