using System.Runtime.Versioning;

namespace HwLab.Native.Memory;

/// <summary>RLIMIT_MEMLOCK, the per-process cap on locked memory that makes mlock fail.</summary>
/// <param name="Soft">The limit in force, in bytes; null for unlimited.</param>
/// <param name="Hard">The ceiling the soft limit may be raised to, in bytes; null for unlimited.</param>
public sealed record MemoryLockLimit(long? Soft, long? Hard)
{
    /// <summary>Reads the calling process's limit; null where getrlimit is not available.</summary>
    public static MemoryLockLimit? Read()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        return ReadUnix();
    }

    /// <summary>
    /// The one-paragraph error for a failed mlock: what failed, the error, the limit in force and
    /// what to do. Pure, so the wording is tested without having to make mlock fail.
    /// </summary>
    public static string DescribeFailure(long bytes, int errno, MemoryLockLimit? limit)
    {
        string limitText = limit is null
            ? "RLIMIT_MEMLOCK could not be read"
            : $"RLIMIT_MEMLOCK is {Describe(limit.Soft)} (hard limit {Describe(limit.Hard)}; `ulimit -l` shows it in KiB)";
        return $"mlock of {ByteSize.Format(bytes)} failed: {Interop.DescribeError(errno)}. Locking needs the locked-memory limit to cover it, "
             + $"or CAP_IPC_LOCK; {limitText}. Raise the limit (ulimit -l, or LimitMEMLOCK= for a systemd service) or run without locking.";
    }

    private static string Describe(long? bytes) => bytes is null ? "unlimited" : ByteSize.Format(bytes.Value);

    [UnsupportedOSPlatform("windows")]
    private static unsafe MemoryLockLimit? ReadUnix()
    {
        Interop.Libc.rlimit value;
        if (Interop.Libc.GetRLimit(Interop.Libc.RLIMIT_MEMLOCK, &value) != 0)
        {
            return null;
        }
        return new MemoryLockLimit(ToBytes(value.rlim_cur), ToBytes(value.rlim_max));
    }

    private static long? ToBytes(ulong limit) => limit == Interop.Libc.RLIM_INFINITY ? null : (long)Math.Min(limit, long.MaxValue);
}
