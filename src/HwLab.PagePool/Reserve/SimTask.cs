namespace HwLab.PagePool.Reserve;

/// <summary>
/// A task of the scenario: a state machine stepped by the deterministic scheduler or by its own
/// thread. Each step does one unit of work (one pass through the allocator, one writeback batch,
/// one try at a lock) under the memory model's lock and says whether to run again or wait.
/// </summary>
/// <param name="id">The pid the kernel log prints, and the owner stamped on the pages it allocates.</param>
/// <param name="name">What the task is in the scenario: file_writer/0, memory_consumer.</param>
/// <param name="comm">As the kernel log names it: a.out, kworker/u16:29.</param>
public abstract class SimTask(long id, string name, string comm, bool kernelThread, ModelProcess? process)
{
    /// <summary>A task refused a kernel lock tries again after this many ticks (HZ/50): the model keeps no wait queues.</summary>
    protected const int LockRetryTicks = 20;

    // Guards the wake-up flag of threaded mode only; the model's state has its own lock.
    private readonly object _wakeGate = new();
    private bool _woken;

    /// <summary>Owner id stamped on the pages the task allocates.</summary>
    public long Id { get; } = id;

    public string Name { get; } = name;

    public string Comm { get; } = comm;

    /// <summary>PF_KTHREAD.</summary>
    public bool IsKernelThread { get; } = kernelThread;

    /// <summary>The process whose mm the thread shares; null for a kernel thread.</summary>
    public ModelProcess? Process { get; } = process;

    /// <summary>fatal_signal_pending(current): SIGKILL from the OOM killer.</summary>
    public bool FatalSignalPending { get; internal set; }

    /// <summary>TIF_MEMDIE: the OOM killer's mark on one thread; cleared when the thread leaves its mm or the 4.6 reaper has reaped it.</summary>
    public bool TifMemdie { get; internal set; }

    public bool Exited { get; internal set; }

    /// <summary>The lock it is waiting for, or null.</summary>
    public string? WaitingOn { get; internal set; }

    public AllocationStats Allocations { get; } = new();

    /// <summary>Deterministic mode: when the scheduler should step it next (a kill or a kick wakes it).</summary>
    public long WakeAt { get; internal set; }

    public abstract StepResult Step(MemoryModel mm, long now);

    /// <summary>Wakes the task before its wait is over, in either mode.</summary>
    internal void Wake(long now)
    {
        WakeAt = Math.Min(WakeAt, now);
        lock (_wakeGate)
        {
            _woken = true;
            Monitor.Pulse(_wakeGate);
        }
    }

    /// <summary>Threaded mode: sleeps up to <paramref name="timeout"/>, less if woken.</summary>
    internal void Sleep(TimeSpan timeout)
    {
        lock (_wakeGate)
        {
            if (!_woken)
            {
                Monitor.Wait(_wakeGate, timeout);
            }
            _woken = false;
        }
    }
}
