using System.Globalization;
using HwLab.Native.Counters;

namespace HwLab.Native.Tests.Counters;

/// <summary>
/// What a thread without CAP_PERFMON gets, which is what most users running HwLab get: the test
/// drops the capabilities from one thread and checks the outcome perf_event_paranoid dictates.
/// </summary>
public sealed class UnprivilegedCountersTests
{
    [Fact]
    public void Without_CAP_PERFMON_counters_follow_perf_event_paranoid()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "perf_event_open is Linux-only.");
        string? paranoidText = CounterReasons.ReadParanoid();
        Assert.SkipWhen(paranoidText is null, $"{CounterReasons.ParanoidPath} cannot be read here.");
        int paranoid = int.Parse(paranoidText, CultureInfo.InvariantCulture);

        (IReadOnlyList<CounterAvailability> availability, CounterReading taskClock) = TestThreads.Run(() =>
        {
            ThreadCapabilities.DropEffective(ThreadCapabilities.CAP_PERFMON, ThreadCapabilities.CAP_SYS_ADMIN);
            using var counters = new ThreadCounters([CounterKind.TaskClock, CounterKind.ContextSwitches]);
            CounterSnapshot before = counters.Read();
            Work.Spin(milliseconds: 5);
            return (counters.Availability, (counters.Read() - before)[CounterKind.TaskClock]);
        });

        Assert.Equal(availability[0].IsAvailable, taskClock.Value > 0);
        foreach (CounterAvailability counter in availability)
        {
            if (paranoid >= 3 && !counter.IsAvailable)
            {
                // Debian and Ubuntu kernels: no perf_event_open at all without CAP_PERFMON.
                Assert.Contains($"{CounterReasons.ParanoidPath} is {paranoid}", counter.UnavailableReason, StringComparison.Ordinal);
            }
            else if (paranoid >= 2)
            {
                // 2 refuses kernel counting with EACCES, and HwLab falls back to user space only;
                // mainline kernels treat 3 and above as 2.
                Assert.True(counter.IsAvailable, counter.UnavailableReason);
                Assert.True(counter.ExcludesKernel);
            }
            else
            {
                Assert.True(counter.IsAvailable, counter.UnavailableReason);
                Assert.False(counter.ExcludesKernel);
            }
        }
    }
}
