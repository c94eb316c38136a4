using System.ComponentModel;
using System.Runtime.InteropServices;
using HwLab.Native.Memory;

namespace HwLab.Native.Tests.Memory;

// The failure test lowers RLIMIT_MEMLOCK, which is process-wide: no other locking test may run meanwhile.
[CollectionDefinition(nameof(MemoryLockTests), DisableParallelization = true)]
public sealed class MemoryLockCollection;

[Collection(nameof(MemoryLockTests))]
public sealed unsafe class MemoryLockTests
{
    [Fact]
    public void A_locked_arena_is_locked_in_the_kernels_accounting()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc/self/smaps");
        long size = 256 * 1024;
        MemoryLockLimit? limit = MemoryLockLimit.Read();
        Assert.SkipWhen(limit?.Soft < size && !ThreadCapabilities.HasEffective(ThreadCapabilities.CAP_IPC_LOCK),
            $"RLIMIT_MEMLOCK ({limit?.Soft} bytes) is below {size} bytes and the process lacks CAP_IPC_LOCK");

        using PageArena arena = PageArena.Allocate(size, new PageArenaOptions { Lock = true });
        ulong start = (ulong)arena.Address;
        long locked = ProcMapsParser.SumSmapsField(File.ReadAllText("/proc/self/smaps"), "Locked", start, start + (ulong)size);
        Assert.Equal(size, locked);
    }

    [Fact]
    public void Mlock_beyond_the_limit_fails_naming_RLIMIT_MEMLOCK_and_the_limit_in_force()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "RLIMIT_MEMLOCK is a Linux limit here");
        const ulong lowered = 64 * 1024;
        string message = TestThreads.Run(() =>
        {
            TestInterop.RLimit original = TestInterop.GetMemoryLockLimit();
            try
            {
                TestInterop.SetMemoryLockLimit(new TestInterop.RLimit { rlim_cur = lowered, rlim_max = original.rlim_max });
                // Capabilities are per thread: dropping CAP_IPC_LOCK here leaves the rest of the process alone,
                // and the thread ends with the test.
                ThreadCapabilities.DropEffective(ThreadCapabilities.CAP_IPC_LOCK);
                Win32Exception error = Assert.Throws<Win32Exception>(() => PageArena.Allocate(1024 * 1024, new PageArenaOptions { Lock = true }));
                return error.Message;
            }
            finally
            {
                TestInterop.SetMemoryLockLimit(original);
            }
        });

        Assert.StartsWith("mlock of 1 MiB failed: ", message, StringComparison.Ordinal);
        Assert.Matches("ENOMEM|EPERM", message);
        Assert.Contains("RLIMIT_MEMLOCK is 64 KiB", message, StringComparison.Ordinal);
        Assert.Contains("ulimit -l", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_failure_text_names_the_error_the_limit_and_the_remedy()
    {
        string text = MemoryLockLimit.DescribeFailure(8 * 1024 * 1024, errno: 12, new MemoryLockLimit(8 * 1024 * 1024, null));
        Assert.Equal(
            "mlock of 8 MiB failed: ENOMEM (Cannot allocate memory). Locking needs the locked-memory limit to cover it, or CAP_IPC_LOCK; "
            + "RLIMIT_MEMLOCK is 8 MiB (hard limit unlimited; `ulimit -l` shows it in KiB). "
            + "Raise the limit (ulimit -l, or LimitMEMLOCK= for a systemd service) or run without locking.",
            text);
        Assert.Contains("could not be read", MemoryLockLimit.DescribeFailure(4096, 1, null), StringComparison.Ordinal);
    }
}
