namespace HwLab.PagePool.Reserve;

/// <summary>The OOM reaper kernel thread (4.6): shortly after a kill it frees the victim's anonymous memory itself.</summary>
public sealed class OomReaper(long id) : SimTask(id, "oom_reaper", kernelThread: true)
{
    private const int PollTicks = 5;

    public override StepResult Step(MemoryModel mm, long now)
    {
        ArgumentNullException.ThrowIfNull(mm);
        if (mm.Victim is MemoryConsumer victim && !victim.Reaped)
        {
            long due = victim.KilledAt + mm.Scenario.ReapDelayTicks;
            if (now < due)
            {
                return StepResult.Wait((int)(due - now));
            }
            mm.ReapVictim(now);
            return StepResult.Continue;
        }
        return StepResult.Wait(PollTicks);
    }
}
