using System.Runtime.ExceptionServices;
using HwLab.Native.Threading;

namespace HwLab.Native.Tests;

/// <summary>
/// The threads of one test: each runs on a fresh background thread, so pins and per-thread state
/// never touch the runner's threads, and a thread that never finishes (a lock that is never
/// released) cannot keep the test process alive. A thread's exception is caught and becomes the
/// test's failure; a thread still running after <see cref="Patience"/> fails the test by name.
/// </summary>
/// <remarks>
/// A spinning thread cannot be stopped in .NET, only abandoned. What such a thread may still touch
/// (native memory, a device) is given to the team with <see cref="Own{T}"/>: it is disposed when
/// every thread has finished, and left alone otherwise, since unmapping memory under a thread that
/// still spins on it would crash the process before the test's failure is reported.
/// </remarks>
internal sealed class TestThreads : IDisposable
{
    /// <summary>
    /// How long <see cref="Join"/> waits: 90 s per unit of HWLAB_STRESS_SCALE, as the stress tests
    /// run that many times longer, and never less than 90 s. At scale 1 (CI) that is longer than <c>StartGate.Timeout</c>, so
    /// a participant that never arrived is reported by the gate, and well inside the run's hang bound
    /// (runsettings/ci.runsettings: 180 s without a test event), so a hung test fails by itself;
    /// it stays under hardware.runsettings' 30 minutes at any scale.
    /// </summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(Math.Min(90 * Math.Max(1, StressScale.Factor), 25 * 60));

    private readonly TimeSpan _grace;
    private readonly List<Worker> _workers = [];
    private readonly List<Thread> _threads = [];
    private readonly List<IDisposable> _owned = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ManualResetEventSlim _changed = new();
    private bool _abandoned;

    /// <param name="grace">How long the other threads get to finish once one has failed or the test stopped waiting (10 s if not given).</param>
    public TestThreads(TimeSpan? grace = null)
    {
        _grace = grace ?? TimeSpan.FromSeconds(10);
    }

    /// <summary>Runs <paramref name="work"/> on a thread of its own and returns its result or throws its exception.</summary>
    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        using var threads = new TestThreads();
        threads.Start(_ => result = work());
        threads.Join();
        return result;
    }

    /// <summary>Runs <paramref name="work"/> on <paramref name="count"/> threads (given their index) and waits for all of them.</summary>
    public static void RunEach(int count, Action<int, CancellationToken> work)
    {
        using var threads = new TestThreads();
        threads.StartEach(count, work);
        threads.Join();
    }

    /// <summary>
    /// Runs a thread's set-up (pinning it, attaching it) before it arrives at <paramref name="gate"/>;
    /// a set-up that throws leaves the gate, so the other threads do not wait at it for this one.
    /// </summary>
    public static T BeforeStart<T>(StartGate gate, Func<T> setUp)
    {
        try
        {
            return setUp();
        }
        catch
        {
            gate.Leave();
            throw;
        }
    }

    /// <summary>
    /// Cancelled when a thread has failed or the test stopped waiting: loops of test code that
    /// wait on another thread check it, so they end with the test.
    /// </summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>Disposes <paramref name="resource"/> with the team, once every thread has finished; never under a thread still running.</summary>
    public T Own<T>(T resource)
        where T : IDisposable
    {
        _owned.Add(resource);
        return resource;
    }

    /// <summary>Starts one thread running <paramref name="work"/>.</summary>
    public void Start(Action<CancellationToken> work) => StartEach(1, (_, stopping) => work(stopping));

    /// <summary>Starts <paramref name="count"/> threads, each running <paramref name="work"/> with its index.</summary>
    public void StartEach(int count, Action<int, CancellationToken> work)
    {
        for (int i = 0; i < count; i++)
        {
            int index = i;
            var worker = new Worker($"test thread {_workers.Count}");
            var thread = new Thread(() => worker.Run(() => work(index, _stop.Token), _stop, _changed))
            {
                IsBackground = true,
                Name = worker.Name,
            };
            _workers.Add(worker);
            _threads.Add(thread);
            thread.Start();
        }
    }

    /// <summary>
    /// Waits for every thread started so far. Throws the failure of a thread (the others get
    /// the grace to finish first), or names the threads still running after <paramref name="patience"/>.
    /// </summary>
    public void Join(TimeSpan? patience = null)
    {
        TimeSpan limit = patience ?? Patience;
        bool ended = WaitUntil(() => AllFinished || AnyFailed, limit);
        if (ended && !AnyFailed)
        {
            // A worker is finished once its work returned; its thread ends a moment later. Tests
            // that look at whether a thread is still alive (a slot held by a thread that ended)
            // need it gone, and it is by now or within the grace.
            foreach (Thread thread in _threads)
            {
                thread.Join(_grace);
            }
            return;
        }
        // Named at the deadline, before the loops that check Stopping are told to end.
        string[] late = ended ? [] : Unfinished();
        _stop.Cancel();
        _abandoned = !WaitUntil(() => AllFinished, _grace);
        if (ended)
        {
            late = Unfinished();
        }
        throw Failure(late, ended ? $"within {_grace.TotalSeconds:0} s after another test thread failed" : $"in {limit.TotalSeconds:0} s");
    }

    /// <summary>Stops the threads' loops, gives them the grace, and disposes what the team owns if all of them finished.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        if (_abandoned || !WaitUntil(() => AllFinished, _grace))
        {
            return; // abandoned with the threads still using it; see the remarks
        }
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
        _owned.Clear();
        _stop.Dispose();
        _changed.Dispose();
    }

    private bool AllFinished => _workers.TrueForAll(w => w.Finished);

    private bool AnyFailed => _workers.Exists(w => w.Error is not null);

    // Each thread sets _changed as it ends; the condition is checked again after every change.
    private bool WaitUntil(Func<bool> condition, TimeSpan limit)
    {
        long deadline = Environment.TickCount64 + (long)limit.TotalMilliseconds;
        while (true)
        {
            _changed.Reset();
            if (condition())
            {
                return true;
            }
            long left = deadline - Environment.TickCount64;
            if (left <= 0 || !_changed.Wait(TimeSpan.FromMilliseconds(left)))
            {
                return condition();
            }
        }
    }

    private string[] Unfinished() => [.. _workers.Where(w => !w.Finished).Select(w => w.Name)];

    private Exception Failure(string[] unfinished, string when)
    {
        Worker[] failed = [.. _workers.Where(w => w.Error is not null)];
        if (failed.Length == 1 && unfinished.Length == 0)
        {
            // One thread failed and the rest finished: its exception as thrown, assertion or not.
            ExceptionDispatchInfo.Throw(failed[0].Error!);
        }
        var reasons = new List<Exception>(failed.Select(w => w.Error!));
        if (unfinished.Length > 0)
        {
            reasons.Add(new TimeoutException($"{string.Join(", ", unfinished)} did not finish {when}."));
        }
        // The reasons' own messages follow this one in parentheses.
        return new AggregateException($"{failed.Length} test thread(s) failed and {unfinished.Length} did not finish {when}", reasons);
    }

    private sealed class Worker(string name)
    {
        private volatile bool _finished;
        private volatile Exception? _error;

        public string Name { get; } = name;

        public bool Finished => _finished;

        public Exception? Error => _error;

        public void Run(Action work, CancellationTokenSource stop, ManualResetEventSlim changed)
        {
            try
            {
                work();
            }
            catch (Exception e)
            {
                _error = e;
                stop.Cancel(); // the other threads' loops may be waiting on this one
            }
            finally
            {
                _finished = true;
                changed.Set();
            }
        }
    }
}
