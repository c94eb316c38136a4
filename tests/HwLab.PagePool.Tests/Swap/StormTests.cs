using System.Collections.Concurrent;
using HwLab.Native.Tests;
using HwLab.Native.Threading;
using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>Two pinned threads, a million operations, every locking mode: no slot handed out twice, every page back as written, the invariants intact.</summary>
public sealed class StormTests
{
    private const int OperationsPerThread = 500_000; // two threads: a million in all

    [Theory]
    [MemberData(nameof(Devices.EachMode), MemberType = typeof(Devices))]
    public void A_two_thread_storm_keeps_every_invariant(string mode, int layout) => Storm(mode, layout, SpinlockForm.Queued);

    [Fact]
    public void A_two_thread_storm_with_pre_4_2_ticket_locks_keeps_every_invariant() => Storm("spinlock", 8, SpinlockForm.Ticket);

    private static void Storm(string mode, int layout, SpinlockForm spinlock)
    {
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs for two threads to race");
        // A thread the model left spinning on a lock (its other thread threw while holding it) keeps
        // reading the device: the team keeps it alive for that thread, and fails the test by name.
        using var team = new TestThreads();
        ISwapDevice device = team.Own(Devices.Create(mode, layout, slots: 64 * 256, cpus: 2, spinlock: spinlock));
        var owners = new ConcurrentDictionary<long, int>();
        var failures = new ConcurrentQueue<string>();
        var gate = new StartGate(2);
        int operations = StressScale.Of(OperationsPerThread);

        team.StartEach(2, (t, stopping) =>
        {
            (PinnedThreadScope pin, IDisposable cpu) = TestThreads.BeforeStart(gate, () => (ThreadPinning.Pin(ThreadPinning.AllowedCpus[t]), device.EnterCpu(t)));
            using (pin)
            using (cpu)
            {
                var held = new Queue<(long Slot, ulong Stamp, bool Extra)>();
                var random = new Random(t);
                byte[] page = new byte[SwapDeviceOptions.PageBytes];
                gate.ArriveAndWait();
                // Stopping: the other thread failed, and the test with it.
                for (int i = 0; i < operations && !stopping.IsCancellationRequested; i++)
                {
                    long slot = device.GetSwapPage(t);
                    if (slot == 0)
                    {
                        failures.Enqueue($"thread {t}: device full at operation {i}");
                        return;
                    }
                    if (!owners.TryAdd(slot, t))
                    {
                        failures.Enqueue($"thread {t}: slot {slot} handed out while thread {owners[slot]} holds it");
                        return;
                    }
                    ulong stamp = ((ulong)t << 56) | (uint)i;
                    BitConverter.TryWriteBytes(page, stamp);
                    device.WritePage(slot, page);
                    device.SwapDuplicate(slot, t);                  // the page table's reference
                    bool extra = random.Next(16) == 0;
                    if (extra)
                    {
                        device.SwapDuplicate(slot, t);              // a fork's
                        _ = device.PageSwapcount(slot, t);
                    }
                    held.Enqueue((slot, stamp, extra));
                    if (held.Count > 64)
                    {
                        Release(device, owners, failures, t, held.Dequeue());
                    }
                }
                while (held.Count > 0)
                {
                    Release(device, owners, failures, t, held.Dequeue());
                }
            }
        });
        team.Join();

        Assert.Empty(failures);
        Assert.Empty(owners);
        device.CheckInvariants().ThrowIfBroken();
        device.DrainSlotsCaches();
        device.CheckInvariants().ThrowIfBroken();
        for (long offset = 1; offset < device.Slots; offset++)
        {
            Assert.True(device.SwapMapAt(offset) == 0, $"slot {offset} still holds 0x{device.SwapMapAt(offset):x2}");
        }
    }

    private static void Release(ISwapDevice device, ConcurrentDictionary<long, int> owners, ConcurrentQueue<string> failures, int thread, (long Slot, ulong Stamp, bool Extra) held)
    {
        ulong stamp = device.ReadStamp(held.Slot);
        if (stamp != held.Stamp)
        {
            failures.Enqueue($"thread {thread}: slot {held.Slot} holds stamp {stamp:x}, not {held.Stamp:x}: swap-in did not return the page swapped out");
        }
        if (held.Extra)
        {
            device.SwapFree(held.Slot, thread);
        }
        device.SwapFree(held.Slot, thread);
        owners.TryRemove(held.Slot, out _);           // before the last free, which lets it be handed out again
        device.SwapcacheFree(held.Slot, thread);
    }
}
