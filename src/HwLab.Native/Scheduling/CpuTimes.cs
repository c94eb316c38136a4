namespace HwLab.Native.Scheduling;

/// <summary>
/// One CPU's time by state since boot, in USER_HZ ticks, as a "cpuN" line of /proc/stat gives it
/// (fs/proc/stat.c, show_stat(); the ten fields as printed since Linux 2.6.33). Steal is the time
/// the hypervisor ran something else while this vCPU wanted to run: what a guest's own clock
/// cannot see, and what makes figures from a virtual machine move under a run.
/// </summary>
/// <remarks>
/// Guest and guest_nice are already counted in user and nice (kernel/sched/cputime.c,
/// account_guest_time()), so <see cref="Total"/> leaves them out.
/// </remarks>
public readonly record struct CpuTimes(
    long User,
    long Nice,
    long System,
    long Idle,
    long IoWait,
    long Irq,
    long SoftIrq,
    long Steal,
    long Guest,
    long GuestNice)
{
    /// <summary>Every tick of the CPU's time, each counted once.</summary>
    public long Total => User + Nice + System + Idle + IoWait + Irq + SoftIrq + Steal;

    /// <summary>The ticks from <paramref name="earlier"/> to this reading; a counter that went back (a CPU hot-plugged in between) counts as 0.</summary>
    public CpuTimes Since(CpuTimes earlier) => new(
        Delta(User, earlier.User),
        Delta(Nice, earlier.Nice),
        Delta(System, earlier.System),
        Delta(Idle, earlier.Idle),
        Delta(IoWait, earlier.IoWait),
        Delta(Irq, earlier.Irq),
        Delta(SoftIrq, earlier.SoftIrq),
        Delta(Steal, earlier.Steal),
        Delta(Guest, earlier.Guest),
        Delta(GuestNice, earlier.GuestNice));

    private static long Delta(long now, long then) => Math.Max(0, now - then);
}
