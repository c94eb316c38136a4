using System.Diagnostics;
using HwLab.PagePool.Reserve;
using HwLab.PagePool.Swap;
using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Tests;

/// <summary>What takes seconds below the experiments (faulting in gigabytes, a long scenario) stops within a second of a cancel.</summary>
public sealed class CancellationTests
{
    // A second is what Ctrl+C is promised; the rest is room for a busy 2-vCPU machine.
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(1.5);

    [Fact]
    public void A_four_gigabyte_device_stops_faulting_in_at_a_cancel()
    {
        Assert.SkipWhen(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes < 8L << 30, "needs 8 GiB of memory");
        var options = new SwapDeviceOptions { Slots = 1L << 20, Cpus = 1, Order = FreeClusterOrder.Sequential };
        AssertStopsPromptly(token => SwapDeviceFactory.Create(SwapLockMode.Device, 4, options, token).Dispose());
    }

    [Fact]
    public void A_gigabyte_zone_stops_faulting_in_at_a_cancel()
    {
        // A gigabyte faults in within half a second on the 2-vCPU guest, so the cancel comes early.
        AssertStopsPromptly(token => new Zone(new ZoneOptions { Pages = 1L << 18, MinFreeKbytes = 1024 }, token).Dispose(), TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public void A_deterministic_run_of_a_million_ticks_stops_at_a_cancel()
    {
        var scenario = new ReserveScenario { FileWriters = 64, MaxTicks = 1_000_000 };
        AssertStopsPromptly(token => ReserveRunner.RunDeterministic(scenario, ReservePolicy.Favor, token));
    }

    [Fact]
    public void A_threaded_run_of_a_minute_stops_at_a_cancel()
    {
        var scenario = new ReserveScenario { FileWriters = 64 };
        AssertStopsPromptly(token => ReserveRunner.RunThreaded(scenario, ReservePolicy.Policy2015, TimeSpan.FromMinutes(1), token));
    }

    private static void AssertStopsPromptly(Action<CancellationToken> run, TimeSpan? delay = null)
    {
        using var cancellation = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        TimeSpan cancelAt = delay ?? TimeSpan.FromMilliseconds(200);
        cancellation.CancelAfter(cancelAt);
        Assert.ThrowsAny<OperationCanceledException>(() => run(cancellation.Token));
        TimeSpan afterCancel = clock.Elapsed - cancelAt;
        TestContext.Current.TestOutputHelper?.WriteLine($"answered the cancel in {afterCancel.TotalMilliseconds:0} ms");
        Assert.True(afterCancel <= s_bound, $"answered the cancel after {afterCancel.TotalMilliseconds:0} ms; the bound is {s_bound.TotalMilliseconds:0} ms");
    }
}
