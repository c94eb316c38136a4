namespace HwLab.PagePool.Reserve;

/// <summary>
/// A task of the scenario: a state machine stepped by the deterministic scheduler or by its own
/// thread. Each step does one unit of work (one allocation attempt, one writeback batch) under
/// the memory model's lock and says whether to run again or wait.
/// </summary>
public abstract class SimTask(long id, string name, bool kernelThread)
{
    /// <summary>Owner id stamped on the pages the task holds.</summary>
    public long Id { get; } = id;

    /// <summary>As the kernel log would name it: kworker/u16:29, a.out.</summary>
    public string Name { get; } = name;

    /// <summary>PF_KTHREAD.</summary>
    public bool IsKernelThread { get; } = kernelThread;

    /// <summary>fatal_signal_pending(current): set by the OOM killer.</summary>
    public bool FatalSignalPending { get; internal set; }

    /// <summary>Chosen by the OOM killer (tsk_is_oom_victim).</summary>
    public bool IsOomVictim { get; internal set; }

    public bool Exited { get; internal set; }

    /// <summary>When the scheduler should step it next (a kill wakes it).</summary>
    public long WakeAt { get; internal set; }

    public abstract StepResult Step(MemoryModel mm, long now);
}
