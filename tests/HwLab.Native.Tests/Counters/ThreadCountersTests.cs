using System.Diagnostics;
using HwLab.Native.Counters;

namespace HwLab.Native.Tests.Counters;

public sealed class ThreadCountersTests
{
    private static readonly CounterKind[] s_hardwareKinds = [CounterKind.Cycles, CounterKind.Instructions, CounterKind.CacheMisses];

    [Fact]
    public void Task_clock_grows_with_the_CPU_time_of_the_region()
    {
        SkipUnlessLinux();
        using var counters = new ThreadCounters([CounterKind.TaskClock]);

        var wall = Stopwatch.StartNew();
        long onCpuBefore = ThreadOnCpuNanoseconds();
        CounterSnapshot before = counters.Read();
        Work.Spin(milliseconds: 50);
        CounterSnapshot after = counters.Read();
        long onCpu = ThreadOnCpuNanoseconds() - onCpuBefore;
        wall.Stop();

        CounterReading taskClock = (after - before)[CounterKind.TaskClock];
        Assert.True(taskClock.IsAvailable, taskClock.UnavailableReason);
        Assert.False(taskClock.IsScaled); // a software event is never multiplexed
        long elapsedNs = (long)wall.Elapsed.TotalNanoseconds;
        long value = taskClock.Value.GetValueOrDefault();
        // One thread's CPU time cannot exceed the wall time around both reads. Nor can it fall far
        // short of what the kernel's CPU-time clock gives the thread over the same region
        // (CLOCK_THREAD_CPUTIME_ID, read just outside the counter reads), however busy the machine
        // is. It may exceed that clock: in a guest the scheduler's clock leaves out time the host
        // stole, and the task clock does not.
        Assert.InRange(value, onCpu / 2, elapsedNs + 1_000_000);
    }

    // The calling thread's CPU time, ns, as the kernel counts it up to this moment (the clock brings
    // the running thread's sum up to date; /proc/thread-self/schedstat can lag it by a tick).
    private static unsafe long ThreadOnCpuNanoseconds()
    {
        const int CLOCK_THREAD_CPUTIME_ID = 3;
        Timespec now;
        Assert.Equal(0, ClockGettime(CLOCK_THREAD_CPUTIME_ID, &now));
        return (now.Seconds * 1_000_000_000) + now.Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern unsafe int ClockGettime(int clock, Timespec* time);

    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [Fact]
    public void Context_switches_and_migrations_are_available_and_count_sleeps()
    {
        SkipUnlessLinux();
        using var counters = new ThreadCounters([CounterKind.ContextSwitches, CounterKind.CpuMigrations]);

        CounterSnapshot before = counters.Read();
        for (int i = 0; i < 3; i++)
        {
            Thread.Sleep(2); // blocking gives the CPU up: a context switch each time
        }
        CounterSnapshot delta = counters.Read() - before;

        CounterReading switches = delta[CounterKind.ContextSwitches];
        CounterReading migrations = delta[CounterKind.CpuMigrations];
        Assert.True(switches.IsAvailable, switches.UnavailableReason);
        Assert.True(migrations.IsAvailable, migrations.UnavailableReason);
        Assert.InRange(switches.Value.GetValueOrDefault(), 3, long.MaxValue);
        Assert.InRange(migrations.Value.GetValueOrDefault(), 0, long.MaxValue);
        Assert.True(delta.IsDelta);
    }

    [Fact]
    public void Hardware_counters_count_work_or_say_why_they_cannot()
    {
        SkipUnlessLinux();
        using var counters = new ThreadCounters(s_hardwareKinds);

        CounterSnapshot before = counters.Read();
        GC.KeepAlive(Work.Spin(milliseconds: 20) + Work.WalkMemory());
        CounterSnapshot delta = counters.Read() - before;

        foreach (CounterKind kind in s_hardwareKinds)
        {
            CounterReading reading = delta[kind];
            CounterAvailability availability = counters.Availability.Single(a => a.Kind == kind);
            Assert.Equal(availability.IsAvailable, reading.IsAvailable);
            if (reading.IsAvailable)
            {
                Assert.NotNull(reading.Value);
                Assert.True(reading.Value > 0, $"{kind} counted {reading.Value} over the work.");
            }
            else
            {
                Assert.Null(reading.Value);
                Assert.False(string.IsNullOrWhiteSpace(reading.UnavailableReason));
                Assert.Equal(availability.UnavailableReason, reading.UnavailableReason);
            }
        }
    }

    [Fact]
    public void An_event_the_kernel_lacks_is_unavailable_with_a_reason_and_leaves_the_others_counting()
    {
        SkipUnlessLinux();
        // No PMU has this type, so the kernel answers ENOENT, as it does for cycles where no PMU is exposed.
        var missing = new PerfEventConfig(Type: int.MaxValue, Config: 0);
        using var counters = new ThreadCounters(
            [CounterKind.TaskClock, CounterKind.Cycles],
            kind => kind == CounterKind.Cycles ? missing : PerfEventConfig.For(kind));

        CounterSnapshot before = counters.Read();
        Work.Spin(milliseconds: 5);
        CounterSnapshot delta = counters.Read() - before;

        CounterReading cycles = delta[CounterKind.Cycles];
        Assert.False(cycles.IsAvailable);
        Assert.Null(cycles.Value);
        Assert.Contains("ENOENT", cycles.UnavailableReason, StringComparison.Ordinal);
        Assert.Contains("no PMU event for cycles", cycles.UnavailableReason, StringComparison.Ordinal);
        Assert.False(counters.Availability[1].IsAvailable);
        Assert.Null(before[CounterKind.Cycles].Value);

        CounterReading taskClock = delta[CounterKind.TaskClock];
        Assert.True(taskClock.IsAvailable, taskClock.UnavailableReason);
        Assert.True(taskClock.Value > 0);
    }

    [Fact]
    public void Disposing_twice_is_harmless_and_reading_after_dispose_throws()
    {
        var counters = new ThreadCounters();
        counters.Dispose();
        counters.Dispose();

        Assert.Throws<ObjectDisposedException>(() => counters.Read());
    }

    [Fact]
    public void Snapshots_of_different_counters_or_in_the_wrong_order_do_not_subtract()
    {
        SkipUnlessLinux();
        using var first = new ThreadCounters([CounterKind.TaskClock]);
        using var second = new ThreadCounters([CounterKind.TaskClock]);

        CounterSnapshot early = first.Read();
        Work.Spin(milliseconds: 2);
        CounterSnapshot late = first.Read();

        Assert.Throws<ArgumentException>(() => second.Read() - early);
        Assert.Throws<ArgumentException>(() => early - late);
        Assert.Throws<ArgumentException>(() => (late - early) - early);
    }

    [Fact]
    public void Kinds_are_opened_once_each_in_the_order_asked()
    {
        using var counters = new ThreadCounters([CounterKind.CpuMigrations, CounterKind.TaskClock, CounterKind.CpuMigrations]);

        Assert.Equal([CounterKind.CpuMigrations, CounterKind.TaskClock], counters.Availability.Select(a => a.Kind));
        Assert.Equal([CounterKind.CpuMigrations, CounterKind.TaskClock], counters.Read().Readings.Select(r => r.Kind));
        Assert.Throws<KeyNotFoundException>(() => counters.Read()[CounterKind.Cycles]);
        Assert.Throws<ArgumentException>(() => new ThreadCounters([]));
        Assert.Throws<ArgumentException>(() => new ThreadCounters([(CounterKind)42]));
    }

    [Fact]
    public void On_other_OSes_every_kind_is_unavailable_with_a_reason()
    {
        Assert.SkipWhen(OperatingSystem.IsLinux(), "This machine runs Linux, where the counters exist.");
        using var counters = new ThreadCounters();

        foreach (CounterReading reading in counters.Read().Readings)
        {
            Assert.Null(reading.Value);
            Assert.Contains("Linux-only", reading.UnavailableReason, StringComparison.Ordinal);
        }
    }

    private static void SkipUnlessLinux() => Assert.SkipUnless(OperatingSystem.IsLinux(), "perf_event_open is Linux-only.");
}
