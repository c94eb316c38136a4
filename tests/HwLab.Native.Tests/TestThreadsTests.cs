namespace HwLab.Native.Tests;

/// <summary>
/// What the lock, pinning and storm tests rely on when a thread of theirs fails or hangs: the
/// failure reaches the test, a hung thread fails it by name, and memory is never freed under a
/// thread still running.
/// </summary>
public sealed class TestThreadsTests
{
    private static readonly TimeSpan s_shortGrace = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_thread_exception_is_the_test_failure_as_thrown()
    {
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => TestThreads.Run<int>(() => throw new InvalidOperationException("from the thread")));
        Assert.Equal("from the thread", error.Message);
    }

    [Fact]
    public void A_thread_failing_stops_the_loops_of_the_others_and_its_exception_is_the_failure()
    {
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => TestThreads.RunEach(2, (i, stopping) =>
        {
            if (i == 0)
            {
                throw new InvalidOperationException("thread 0 failed");
            }
            while (!stopping.IsCancellationRequested)
            {
                Thread.Sleep(1); // a loop waiting on thread 0, which will never get there
            }
        }));
        Assert.Equal("thread 0 failed", error.Message);
    }

    [Fact]
    public void A_thread_that_does_not_finish_in_time_is_named_and_told_to_stop()
    {
        using var team = new TestThreads(s_shortGrace);
        using var stopped = new ManualResetEventSlim();
        team.Start(stopping =>
        {
            stopping.WaitHandle.WaitOne();
            stopped.Set();
        });
        AggregateException error = Assert.Throws<AggregateException>(() => team.Join(TimeSpan.FromSeconds(1)));
        Assert.Contains("test thread 0 did not finish in 1 s", error.Message, StringComparison.Ordinal);
        Assert.True(stopped.IsSet, "the thread was not told to stop");
    }

    [Fact]
    public void What_the_team_owns_is_left_alone_while_a_thread_still_runs_and_disposed_once_all_finished()
    {
        var abandoned = new DisposalProbe();
        var stuck = new ManualResetEventSlim(); // not disposed: the abandoned thread may still be waking from it
        using (var team = new TestThreads(s_shortGrace))
        {
            team.Own(abandoned);
            team.Start(_ => stuck.Wait()); // deaf to Stopping, as a thread spinning in a lock is
            Assert.Throws<AggregateException>(() => team.Join(TimeSpan.FromSeconds(1)));
        }
        Assert.False(abandoned.Disposed, "disposed under a thread still running");
        stuck.Set();

        var finished = new DisposalProbe();
        using (var team = new TestThreads())
        {
            team.Own(finished);
            team.Start(_ => { });
            team.Join();
        }
        Assert.True(finished.Disposed);
    }

    private sealed class DisposalProbe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
