namespace HwLab.Native.Threading;

/// <summary>
/// Pins the calling thread to chosen CPUs and checks that it took. .NET has no per-thread
/// affinity API (ProcessorAffinity is process-wide), so this goes to the OS: sched_setaffinity
/// on Linux, SetThreadGroupAffinity on Windows. Affinity that silently failed is the classic
/// source of bogus cache-line figures, so a CPU outside the allowed set is an error, never a no-op,
/// and every pin is verified by asking the OS which CPU the thread now runs on.
/// </summary>
public static partial class ThreadPinning
{
    private static readonly Lazy<CpuSet> s_allowedCpus = new(ReadProcessAllowedCpus);

    /// <summary>
    /// The CPUs this process may run on (its affinity at start-up, as taskset or a container's
    /// cpuset left it). Read once, from the main thread's mask, so threads pinned later do not narrow it.
    /// </summary>
    public static CpuSet AllowedCpus => s_allowedCpus.Value;

    /// <summary>The CPU the calling thread is running on right now.</summary>
    public static int CurrentCpu => OperatingSystem.IsWindows() ? GetCurrentCpuWindows() : GetCurrentCpuUnix();

    /// <summary>The calling thread's current affinity.</summary>
    public static CpuSet GetCurrentThreadAffinity()
        => OperatingSystem.IsWindows() ? GetThreadAffinityWindows() : GetThreadAffinityUnix(pid: 0);

    /// <summary>Pins the calling thread to one CPU; dispose the result on the same thread to undo it.</summary>
    public static PinnedThreadScope Pin(int cpu) => Pin(CpuSet.Of(cpu));

    /// <summary>Pins the calling thread to a set of CPUs; dispose the result on the same thread to undo it.</summary>
    /// <exception cref="CpuNotAvailableException">A CPU is offline or outside <see cref="AllowedCpus"/>.</exception>
    /// <exception cref="PinningFailedException">The OS accepted the mask but the thread is running elsewhere.</exception>
    public static PinnedThreadScope Pin(CpuSet cpus)
    {
        EnsureAvailable(cpus);
        CpuSet previous = GetCurrentThreadAffinity();
        SetCurrentThreadAffinity(cpus);

        // The kernel moves the calling task before sched_setaffinity returns, so the very next
        // sched_getcpu must already be inside the set.
        int running = CurrentCpu;
        if (!cpus.Contains(running))
        {
            SetCurrentThreadAffinity(previous);
            throw new PinningFailedException(
                $"The OS accepted the affinity {cpus} but the thread still runs on CPU {running}; results pinned this way would be wrong.");
        }
        return new PinnedThreadScope(previous, cpus);
    }

    /// <summary>Throws unless every CPU of <paramref name="cpus"/> is allowed to this process.</summary>
    /// <exception cref="CpuNotAvailableException">The set is empty or names a CPU outside <see cref="AllowedCpus"/>.</exception>
    public static void EnsureAvailable(CpuSet cpus)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        if (cpus.IsEmpty)
        {
            throw new CpuNotAvailableException("No CPU was given to pin to.");
        }
        CpuSet missing = cpus.Except(AllowedCpus);
        if (!missing.IsEmpty)
        {
            string which = missing.Count == 1 ? $"CPU {missing}" : $"CPUs {missing}";
            throw new CpuNotAvailableException(
                $"{which} not available to this process: it may run on CPUs {AllowedCpus} only (offline CPUs, taskset and container cpusets narrow this set).");
        }
    }

    internal static void SetCurrentThreadAffinity(CpuSet cpus)
    {
        if (OperatingSystem.IsWindows())
        {
            SetThreadAffinityWindows(cpus);
        }
        else
        {
            SetThreadAffinityUnix(cpus);
        }
    }

    private static CpuSet ReadProcessAllowedCpus()
        => OperatingSystem.IsWindows() ? GetProcessAffinityWindows() : GetThreadAffinityUnix(Environment.ProcessId);
}
