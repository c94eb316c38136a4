using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Tests.Reserve;

/// <summary>
/// How far below the min watermark each kind of task may take the zone, through the page
/// allocator, with the holder's allocation (GFP_NOFS | __GFP_NOWARN, 0x250). Under favor a kernel
/// thread and a task with a fatal signal pending get ALLOC_HIGH (docs/reserve-model.md: "the holder
/// may then take pages down to half of min"); ALLOC_HIGH leaves min - min/2 as the floor
/// (ZoneWatermark.EffectiveMin) and the check is strict, so such a task stops with exactly that
/// many pages free. Any other task, and every task under stock 4.2, stops at min.
/// </summary>
public sealed class ReserveFloorTests
{
    private const string KernelThread = "kernel thread";
    private const string DyingTask = "dying task";
    private const string OrdinaryTask = "ordinary task";

    [Theory]
    [InlineData(ReservePolicy.Favor, KernelThread, true)]
    [InlineData(ReservePolicy.Favor, DyingTask, true)]
    [InlineData(ReservePolicy.Favor, OrdinaryTask, false)]
    [InlineData(ReservePolicy.Policy2015, KernelThread, false)]
    [InlineData(ReservePolicy.Policy2015, DyingTask, false)]
    public void A_task_allocates_down_to_half_of_min_only_when_the_policy_favors_its_kind(ReservePolicy policy, string kind, bool toHalfOfMin)
    {
        // A zone of 4096 pages with min 256; a.out's writer (dying once signalled) and the writeback worker.
        var scenario = new ReserveScenario();
        var aout = new ModelProcess(1, "a.out");
        var writer = new FileWriter(1, 0, aout);
        aout.AddThread(writer);
        var worker = new WritebackWorker(2, holdsScenarioLock: false);
        using var mm = new MemoryModel(scenario, policy, [writer, worker], [aout], aout);
        SimTask task = kind == KernelThread ? worker : writer;
        writer.FatalSignalPending = kind == DyingTask;

        AllocOutcome outcome;
        while ((outcome = mm.Allocate(task, XfsRetryLoop.NofsMask, 0, out _)) == AllocOutcome.Success)
        {
        }

        long min = mm.Zone.Watermarks.Min;
        long floor = toHalfOfMin ? min - (min / 2) : min;
        Assert.Equal(256, min);
        Assert.Equal(floor, mm.Zone.FreePages);
        // The pages it took with free pages at or under min: the reserve the policy gave it.
        Assert.Equal(min - floor, task.Allocations.PagesBelowMin);
        // Stock 4.2 never fails an allocation without __GFP_FS: the task would wait and try again.
        Assert.Equal(AllocOutcome.Wait, outcome);
        Assert.Empty(mm.Zone.CheckInvariants());
    }
}
