namespace HwLab.PagePool.Reserve;

/// <summary>What a task's step asks of the scheduler: run again, sleep some ticks, or never again.</summary>
public readonly record struct StepResult(bool Finished, int WaitTicks)
{
    public static StepResult Continue { get; } = new(false, 0);

    public static StepResult Done { get; } = new(true, 0);

    public static StepResult Wait(int ticks) => new(false, ticks);
}
