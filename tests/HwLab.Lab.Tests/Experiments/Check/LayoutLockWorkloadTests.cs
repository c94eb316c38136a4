using HwLab.Lab.Engine;
using HwLab.Lab.Experiments.Check;
using HwLab.Lab.Tests.Engine;
using HwLab.Lab.Workloads;
using HwLab.Layout.Probe;

namespace HwLab.Lab.Tests.Experiments.Check;

/// <summary>
/// The validate test of every lock `hwlab check` takes: two pinned workers on the same object,
/// a non-atomic increment of the touched fields inside the lock, and the exact total at the end
/// (the workload's Verify, which the engine calls after every run, throws on any other).
/// </summary>
public sealed class LayoutLockWorkloadTests
{
    private const string Layout = """
        { "name": "t", "size": 16, "align": 8, "fields": [
          { "name": "word", "offset": 0, "size": 8 },
          { "name": "small", "offset": 8, "size": 4 },
          { "name": "count", "offset": 12, "size": 2 },
          { "name": "bits", "offset": 14, "size": 2, "bit_offset": 115, "bit_width": 9 } ] }
        """;

    private const long Operations = 200_000;

    public static TheoryData<string, string[]?> Locks => new()
    {
        { "word:bit=2", null },
        { "word:bit=63", ["count", "bits"] },
        { "small:bit=31", null },
        { "small:spinlock", ["count", "bits", "word"] },
        { "small:ticket", ["count"] },
    };

    [Theory]
    [MemberData(nameof(Locks))]
    public void Two_workers_on_one_object_lose_no_update_managed_or_native(string spec, string[]? touch)
    {
        IReadOnlyList<int> cpus = TestCpus.Two();
        StructDescription layout = CheckLayoutJson.Parse(Layout, "t.json");
        CheckTarget target = CheckTarget.Create(layout, spec, touch);
        foreach (IClusterWorkload workload in Workloads(target))
        {
            using (workload)
            {
                TeamRun run = WorkerTeam.Run(cpus, workload, RunLimit.ForOperations(Operations), TestContext.Current.CancellationToken);
                Assert.Equal(2 * Operations, run.TotalOperations);
            }
        }
    }

    [Fact]
    public void A_count_wraps_at_its_width_as_the_field_would()
    {
        var bits = new CheckTouch("bits", 14, 2, 0x1FFUL << 3);
        Assert.Equal(0UL, bits.Expected(512));
        Assert.Equal(5UL << 3, bits.Expected(517));
    }

    private static IEnumerable<IClusterWorkload> Workloads(CheckTarget target)
    {
        int[] shared = [0, 0];
        const int stride = 16;
        switch (target.Kind, target.WordSize)
        {
            case (CheckLockKind.Bit, 8):
                yield return new LayoutLockWorkload<ManagedBitLock64>(target, shared, 4, stride, null);
                yield return new LayoutLockWorkload<NativeBitLock64>(target, shared, 4, stride, null);
                break;
            case (CheckLockKind.Bit, _):
                yield return new LayoutLockWorkload<ManagedBitLock32>(target, shared, 4, stride, null);
                break;
            case (CheckLockKind.SpinLock, _):
                yield return new LayoutLockWorkload<ManagedQueuedLock>(target, shared, 4, stride, 64);
                yield return new LayoutLockWorkload<NativeQueuedLock>(target, shared, 4, stride, 64);
                break;
            default:
                yield return new LayoutLockWorkload<TicketWordLock>(target, shared, 4, stride, null);
                break;
        }
    }
}
