using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>What the page allocator saw of one task: how its allocations went, and with which reserve access.</summary>
/// <remarks>Written under the <see cref="MemoryModel"/>'s lock.</remarks>
public sealed class AllocationStats
{
    /// <summary>Passes through the slow path that gave no page (each a retry of the same allocation, or a failure handed back).</summary>
    public long PassesWithoutPage { get; internal set; }

    /// <summary>Passes without a page since the task last got one: how long the allocation in hand has been looping.</summary>
    public long CurrentPassesWithoutPage { get; internal set; }

    /// <summary>Allocations the slow path handed back as failed (GFP_NOFS under the "can fail" switch; a victim with no page left even past the watermarks).</summary>
    public long Failures { get; internal set; }

    /// <summary>Pages it got while free pages stood at or below min: only reserve access reaches those.</summary>
    public long PagesBelowMin { get; internal set; }

    /// <summary>The slow path's flags on its last pass, or null before its first.</summary>
    public AllocFlags? LastSlowPathFlags { get; internal set; }
}
