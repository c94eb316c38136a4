namespace HwLab.PagePool.Reserve;

/// <summary>
/// The OOM reaper kernel thread (4.6, oom_reaper and oom_reap_task in mm/oom_kill.c): woken by a
/// kill, it tries the victim's mmap_sem with down_read_trylock and, having it, frees the victim's
/// anonymous memory without waiting for the victim's threads. A failed try is repeated after
/// schedule_timeout_idle(HZ/10), ten tries in all (MAX_OOM_REAP_RETRIES); then it gives up and, as
/// 4.6 does, leaves the victim marked, so the OOM killer keeps waiting for it.
/// </summary>
public sealed class OomReaper(long id) : SimTask(id, "oom_reaper", "oom_reaper", kernelThread: true, process: null)
{
    /// <summary>MAX_OOM_REAP_RETRIES: tries at mmap_sem before giving up.</summary>
    public const int MaxOomReapRetries = 10;

    /// <summary>schedule_timeout_idle(HZ/10) between tries: 100 ticks.</summary>
    public const int RetryWaitTicks = 100;

    // How long it sleeps with nothing to reap before looking again; a kill wakes it sooner.
    private const int IdleTicks = 100;

    private SimTask? _finished;
    private SimTask? _current;
    private int _tries;

    public override StepResult Step(MemoryModel mm, long now)
    {
        ArgumentNullException.ThrowIfNull(mm);
        if (mm.Victim is not SimTask victim || ReferenceEquals(victim, _finished) || mm.KilledAt is not long killedAt)
        {
            return StepResult.Wait(IdleTicks);
        }
        if (!ReferenceEquals(victim, _current))
        {
            _current = victim;
            _tries = 0;
        }
        long due = killedAt + mm.Scenario.ReapDelayTicks;
        if (now < due)
        {
            return StepResult.Wait((int)(due - now));
        }
        if (mm.TryReap(victim, now))
        {
            _finished = victim;
            return StepResult.Continue;
        }
        if (++_tries >= MaxOomReapRetries)
        {
            mm.GiveUpReaping(victim, now);
            _finished = victim;
            return StepResult.Continue;
        }
        return StepResult.Wait(RetryWaitTicks);
    }
}
