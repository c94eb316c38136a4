using HwLab.Native.Counters;
using Mono.Unix.Native;

namespace HwLab.Native.Tests.Counters;

public sealed class CounterReasonsTests
{
    [Theory]
    [InlineData("3")]
    [InlineData("2")]
    [InlineData("1")]
    [InlineData("-1")]
    public void Permission_errors_name_perf_event_paranoid_its_value_and_CAP_PERFMON(string paranoid)
    {
        SkipUnlessLinux();
        foreach (Errno errno in new[] { Errno.EACCES, Errno.EPERM })
        {
            string reason = CounterReasons.ForOpenError(CounterKind.Cycles, NativeConvert.FromErrno(errno), paranoid);

            Assert.Contains("/proc/sys/kernel/perf_event_paranoid is " + paranoid, reason, StringComparison.Ordinal);
            Assert.Contains("CAP_PERFMON", reason, StringComparison.Ordinal);
            Assert.Contains(errno.ToString(), reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_high_paranoid_level_says_what_lowers_it()
    {
        SkipUnlessLinux();
        string reason = CounterReasons.ForOpenError(CounterKind.TaskClock, NativeConvert.FromErrno(Errno.EACCES), "3");

        Assert.Contains("sysctl -w kernel.perf_event_paranoid=2", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_paranoid_level_is_still_named()
    {
        SkipUnlessLinux();
        string reason = CounterReasons.ForOpenError(CounterKind.TaskClock, NativeConvert.FromErrno(Errno.EACCES), paranoid: null);

        Assert.Contains("/proc/sys/kernel/perf_event_paranoid could not be read", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Errno.ENOENT)]
    [InlineData(Errno.EOPNOTSUPP)]
    public void A_missing_hardware_event_blames_the_absent_PMU(Errno errno)
    {
        SkipUnlessLinux();
        string reason = CounterReasons.ForOpenError(CounterKind.Instructions, NativeConvert.FromErrno(errno), "2");

        Assert.StartsWith("The kernel exposes no PMU event for instructions on this machine, which is usual in virtual machines and containers", reason, StringComparison.Ordinal);
        Assert.Contains($"{errno} (", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_software_event_does_not_blame_the_PMU()
    {
        SkipUnlessLinux();
        string reason = CounterReasons.ForOpenError(CounterKind.TaskClock, NativeConvert.FromErrno(Errno.ENOENT), "2");

        Assert.DoesNotContain("PMU", reason, StringComparison.Ordinal);
        Assert.Contains("task-clock", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ENOSYS_says_the_kernel_has_no_perf_event_open()
    {
        SkipUnlessLinux();
        string reason = CounterReasons.ForOpenError(CounterKind.Cycles, NativeConvert.FromErrno(Errno.ENOSYS), "2");

        Assert.StartsWith("perf_event_open is not available in this kernel", reason, StringComparison.Ordinal);
        Assert.Contains("ENOSYS (Function not implemented)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpected_errno_is_still_named()
    {
        SkipUnlessLinux();
        string reason = CounterReasons.ForOpenError(CounterKind.Cycles, NativeConvert.FromErrno(Errno.EINVAL), "2");

        Assert.Contains("cycles", reason, StringComparison.Ordinal);
        Assert.Contains("EINVAL (Invalid argument)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_OSes_are_told_perf_event_open_is_Linux_only()
        => Assert.Contains("Linux-only", CounterReasons.ForUnsupportedOS(CounterKind.Cycles), StringComparison.Ordinal);

    // Errno numbers and their names come from the C library, so these run where it is Linux's.
    private static void SkipUnlessLinux() => Assert.SkipUnless(OperatingSystem.IsLinux(), "errno values here are Linux's.");
}
