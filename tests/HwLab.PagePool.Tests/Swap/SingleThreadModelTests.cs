using HwLab.Native.Tests;
using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>
/// A seeded random sequence of 100 000 operations on one thread, checked against the simplest
/// model of swap_map there is: a dictionary from slot to (references, in swap cache).
/// </summary>
public sealed class SingleThreadModelTests
{
    [Theory]
    [MemberData(nameof(Devices.EveryPair), MemberType = typeof(Devices))]
    public void Every_operation_agrees_with_the_model_and_the_invariants_hold(string mode, int layout)
    {
        using ISwapDevice device = Devices.Create(mode, layout, slots: 48 * 64, cpus: 3, clusterPages: 64);
        var model = new Dictionary<long, (int Count, bool Cache)>();
        var random = new Random(20170117);
        byte[] page = new byte[SwapDeviceOptions.PageBytes];
        byte[] back = new byte[SwapDeviceOptions.PageBytes];

        // 100 000 steps; at a mutation run's scale (HWLAB_STRESS_SCALE below 1) no fewer than 10 000.
        int steps = Math.Max(10_000, StressScale.Of(100_000));
        for (int step = 0; step < steps; step++)
        {
            int choice = random.Next(100);
            if (choice < 35 || model.Count == 0)
            {
                long offset = device.GetSwapPage(random.Next(3));
                if (offset == 0)
                {
                    Assert.Equal(device.Slots - 1, model.Count); // full: every slot but the header in use
                    continue;
                }
                Assert.False(model.ContainsKey(offset), $"step {step}: slot {offset} handed out twice");
                model[offset] = (0, true);
                if (random.Next(8) == 0)
                {
                    random.NextBytes(page);
                    device.WritePage(offset, page);
                    device.ReadPage(offset, back);
                    Assert.Equal(page, back);
                }
                continue;
            }

            long slot = model.Keys.ElementAt(random.Next(model.Count));
            int cpu = random.Next(3);
            (int count, bool cache) = model[slot];
            if (choice < 55)
            {
                int err = device.SwapDuplicate(slot, cpu);
                if (count < SwapMap.SWAP_MAP_MAX)
                {
                    Assert.Equal(0, err);
                    model[slot] = (count + 1, cache);
                }
                else
                {
                    Assert.Equal(-12, err); // -ENOMEM: a continuation would be needed
                }
            }
            else if (choice < 75 && count > 0)
            {
                device.SwapFree(slot, cpu);
                Update(model, slot, count - 1, cache);
            }
            else if (choice < 90 && cache)
            {
                device.SwapcacheFree(slot, cpu);
                Update(model, slot, count, false);
            }
            else
            {
                Assert.Equal(count, device.PageSwapcount(slot, cpu));
            }

            if (step % 5_000 == 0)
            {
                device.CheckInvariants().ThrowIfBroken();
            }
        }

        device.CheckInvariants().ThrowIfBroken();
        device.DrainSlotsCaches(); // merged 4.11 keeps freed slots at SWAP_HAS_CACHE in its slot caches until then
        device.CheckInvariants().ThrowIfBroken();
        for (long offset = 1; offset < device.Slots; offset++)
        {
            byte expected = model.TryGetValue(offset, out (int Count, bool Cache) m) ? (byte)(m.Count | (m.Cache ? SwapMap.SWAP_HAS_CACHE : 0)) : (byte)0;
            Assert.True(expected == device.SwapMapAt(offset), $"slot {offset}: swap_map 0x{device.SwapMapAt(offset):x2}, model 0x{expected:x2}");
        }
    }

    private static void Update(Dictionary<long, (int Count, bool Cache)> model, long slot, int count, bool cache)
    {
        if (count == 0 && !cache)
        {
            model.Remove(slot);
        }
        else
        {
            model[slot] = (count, cache);
        }
    }
}
