using System.Diagnostics;
using HwLab.Native.Counters;
using HwLab.Native.Threading;

namespace HwLab.Native.Tests.Threading;

public sealed class ThreadPinningTests
{
    [Fact]
    public void Allowed_cpus_are_known_and_include_the_current_one()
    {
        Assert.False(ThreadPinning.AllowedCpus.IsEmpty);
        Assert.Contains(ThreadPinning.CurrentCpu, ThreadPinning.AllowedCpus);
    }

    [Fact]
    public void A_pinned_thread_is_seen_on_its_cpu_in_every_sample()
    {
        foreach (int cpu in ThreadPinning.AllowedCpus.Take(4))
        {
            int[] seen = TestThreads.Run(() =>
            {
                using PinnedThreadScope pin = ThreadPinning.Pin(cpu);
                int[] samples = new int[20_000];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = ThreadPinning.CurrentCpu;
                    if (i % 1000 == 0)
                    {
                        Thread.Yield(); // give the scheduler chances to move us, which it must not take
                    }
                }
                return samples;
            });
            Assert.All(seen, s => Assert.Equal(cpu, s));
        }
    }

    [Fact]
    public void The_cpu_migration_counter_stays_at_zero_over_a_pinned_spin()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "counts migrations with perf_event_open");
        (long? migrations, long? switches) = TestThreads.Run(() =>
        {
            using PinnedThreadScope pin = ThreadPinning.Pin(ThreadPinning.AllowedCpus[^1]);
            using var counters = new ThreadCounters([CounterKind.CpuMigrations, CounterKind.ContextSwitches]);
            CounterSnapshot before = counters.Read();
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 200)
            {
                Thread.Yield(); // invites the scheduler in; it may switch us out, never move us
            }
            CounterSnapshot delta = counters.Read() - before;
            return (delta[CounterKind.CpuMigrations].Value, delta[CounterKind.ContextSwitches].Value);
        });
        Assert.NotNull(migrations);
        Assert.Equal(0, migrations);
        Assert.NotNull(switches);
    }

    [Fact]
    public void Pinning_the_second_cpu_moves_the_thread_there()
    {
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs at least 2 allowed CPUs");
        int target = ThreadPinning.AllowedCpus[1];
        int observed = TestThreads.Run(() =>
        {
            using PinnedThreadScope pin = ThreadPinning.Pin(target);
            return ThreadPinning.CurrentCpu;
        });
        Assert.Equal(target, observed);
    }

    [Fact]
    public void Disposing_the_pin_restores_the_previous_affinity()
    {
        (CpuSet before, CpuSet during, CpuSet after) = TestThreads.Run(() =>
        {
            CpuSet before = ThreadPinning.GetCurrentThreadAffinity();
            CpuSet during;
            using (PinnedThreadScope pin = ThreadPinning.Pin(ThreadPinning.AllowedCpus[0]))
            {
                during = ThreadPinning.GetCurrentThreadAffinity();
            }
            return (before, during, ThreadPinning.GetCurrentThreadAffinity());
        });
        Assert.Equal(CpuSet.Of(ThreadPinning.AllowedCpus[0]), during);
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public void A_cpu_outside_the_allowed_set_is_rejected_naming_the_set(int beyondMax)
    {
        int cpu = ThreadPinning.AllowedCpus.Max + beyondMax;
        CpuNotAvailableException error = Assert.Throws<CpuNotAvailableException>(() => ThreadPinning.Pin(cpu));
        Assert.Contains($"CPU {cpu} ", error.Message, StringComparison.Ordinal);
        Assert.Contains(ThreadPinning.AllowedCpus.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_set_is_rejected()
    {
        Assert.Throws<CpuNotAvailableException>(() => ThreadPinning.Pin(CpuSet.Empty));
    }

    [Fact]
    public void A_pin_cannot_be_undone_from_another_thread()
    {
        // The pinning thread exits at once, and its affinity dies with it; only the scope is left.
        PinnedThreadScope leaked = TestThreads.Run(() => ThreadPinning.Pin(ThreadPinning.AllowedCpus[0]));
        Assert.Throws<InvalidOperationException>(leaked.Dispose);
    }
}
