using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>Runs of allocations and the checks the allocation path tests share.</summary>
internal static class Allocations
{
    /// <summary><paramref name="count"/> calls of get_swap_page on <paramref name="cpu"/>, in order.</summary>
    public static long[] Take(ISwapDevice device, int count, int cpu = 0)
        => [.. Enumerable.Range(0, count).Select(_ => device.GetSwapPage(cpu))];

    /// <summary>Takes slots on <paramref name="cpu"/> until the device answers 0; returns how many it got.</summary>
    public static int Fill(ISwapDevice device, int cpu = 0)
    {
        int taken = 0;
        while (device.GetSwapPage(cpu) != 0)
        {
            taken++;
        }
        return taken;
    }

    /// <summary>The slots from <paramref name="first"/> to <paramref name="last"/>, both included, stepping by <paramref name="step"/>.</summary>
    public static long[] Slots(long first, long last, int step = 1)
        => [.. Enumerable.Range(0, (int)((last - first) / step) + 1).Select(i => first + ((long)i * step))];

    /// <summary>No lock of the device is held at rest: a path that threw, or released a lock it never took, would leave one.</summary>
    public static void AssertNoLockHeld(ISwapDevice device)
        => Assert.DoesNotContain(device.CheckInvariants().Violations, v => v.Contains("held at rest", StringComparison.Ordinal));
}
