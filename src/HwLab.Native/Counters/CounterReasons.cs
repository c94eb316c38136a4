using System.Globalization;
using System.Runtime.InteropServices;
using Mono.Unix.Native;

namespace HwLab.Native.Counters;

/// <summary>
/// Turns a failed perf_event_open into a sentence a user can act on. Pure functions of their
/// arguments, so every branch is tested without the machine being in that state; the one
/// thin reader, <see cref="ReadParanoid"/>, is separate.
/// </summary>
internal static class CounterReasons
{
    internal const string ParanoidPath = "/proc/sys/kernel/perf_event_paranoid";

    private const string CapPerfmon = "CAP_PERFMON (CAP_SYS_ADMIN before Linux 5.8)";

    /// <summary>Why <paramref name="kind"/> could not be opened, from the errno perf_event_open set.</summary>
    /// <param name="paranoid">The text of <see cref="ParanoidPath"/>, or null when it could not be read.</param>
    public static string ForOpenError(CounterKind kind, int errno, string? paranoid)
    {
        string name = kind.PerfEventName();
        string failed = $"perf_event_open failed with {Interop.DescribeError(errno)}";
        switch (ToErrno(errno))
        {
            case Errno.ENOENT or Errno.EOPNOTSUPP when kind.IsHardware():
                return $"The kernel exposes no PMU event for {name} on this machine, which is usual in virtual machines and containers that do not pass the CPU's counters through ({failed}).";
            case Errno.ENOENT or Errno.EOPNOTSUPP:
                return $"This kernel does not provide the software event {name} ({failed}).";
            case Errno.ENODEV:
                return $"This CPU's PMU has no {name} event ({failed}).";
            case Errno.EACCES or Errno.EPERM:
                return $"Counting {name} was refused ({failed}). {DescribeParanoid(paranoid)}";
            case Errno.ENOSYS:
                return $"perf_event_open is not available in this kernel: it was built without CONFIG_PERF_EVENTS or a seccomp filter hides the call ({failed}).";
            case Errno.EMFILE or Errno.ENFILE:
                return $"No file descriptor was left for {name}: raise the limit (ulimit -n) or open fewer counters ({failed}).";
            case Errno.EBUSY:
                return $"Another user holds the PMU exclusively, so {name} cannot be counted now ({failed}).";
            default:
                return $"The kernel refused to count {name} ({failed}).";
        }
    }

    /// <summary>Why nothing can be counted on an OS other than Linux.</summary>
    public static string ForUnsupportedOS(CounterKind kind)
        => $"{kind.PerfEventName()} is read with perf_event_open, which is Linux-only; {RuntimeInformation.OSDescription} is not Linux.";

    /// <summary>Why nothing can be counted on a Linux architecture whose syscall number HwLab does not carry.</summary>
    public static string ForUnknownArchitecture(CounterKind kind, Architecture architecture)
        => $"{kind.PerfEventName()} is not counted: HwLab knows perf_event_open's syscall number for x64 and arm64 only, not {architecture}.";

    /// <summary>Why a counter that was open has no value: it never had a hardware counter in the time measured.</summary>
    public static string ForNeverRan(CounterKind kind)
        => $"{kind.PerfEventName()} never ran in the time measured: the PMU had more events to count than hardware counters and multiplexed this one out the whole time, so there is nothing to scale.";

    /// <summary>The current perf_event_paranoid text, or null when it cannot be read (no procfs, or no perf support at all).</summary>
    public static string? ReadParanoid()
    {
        try
        {
            return File.ReadAllText(ParanoidPath).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // What each perf_event_paranoid level means for counting one's own thread (the kernel's
    // Documentation/admin-guide/sysctl/kernel.rst; 3 and above is a Debian/Ubuntu/Android patch).
    private static string DescribeParanoid(string? paranoid)
    {
        if (paranoid is null || !int.TryParse(paranoid, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int level))
        {
            return $"{ParanoidPath} could not be read; if it is 3 or more it forbids perf_event_open to unprivileged processes: "
                + $"lower it to 2 as root (sysctl -w kernel.perf_event_paranoid=2) or run with {CapPerfmon}.";
        }
        if (level >= 3)
        {
            return $"{ParanoidPath} is {level}, which forbids perf_event_open to processes without CAP_PERFMON: "
                + $"lower it to 2 as root (sysctl -w kernel.perf_event_paranoid=2) to count user space, or run with {CapPerfmon}.";
        }
        string allows = level == 2 ? "counting this thread in user space (HwLab falls back to that)" : "counting this thread";
        return $"{ParanoidPath} is {level}, which allows {allows}, so something else refused it: most often a container's seccomp profile "
            + $"(Docker's default blocks perf_event_open) or a security module such as SELinux or AppArmor. Allow perf_event_open there, or run with {CapPerfmon}.";
    }

    private static Errno? ToErrno(int errno)
    {
        try
        {
            return NativeConvert.ToErrno(errno);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
