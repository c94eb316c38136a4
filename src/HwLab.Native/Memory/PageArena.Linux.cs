using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace HwLab.Native.Memory;

public sealed unsafe partial class PageArena
{
    private const string TransparentHugePagePolicyPath = "/sys/kernel/mm/transparent_hugepage/enabled";

    /// <summary>
    /// How much of the arena the kernel has backed with transparent huge pages, from
    /// /proc/self/smaps (AnonHugePages). Huge pages are handed out at first touch, so ask after
    /// prefaulting or after the memory has been used.
    /// </summary>
    public HugePageReport QueryHugePages()
    {
        ObjectDisposedException.ThrowIf(_mapping.IsClosed, this);
        bool requested = Options.TransparentHugePages;
        if (!OperatingSystem.IsLinux())
        {
            return new HugePageReport(requested, null, Length, "huge pages are reported on Linux only (from /proc/self/smaps)");
        }
        if (_hugePageAdvice is not null)
        {
            return new HugePageReport(requested, 0, Length, _hugePageAdvice);
        }

        ulong start = (ulong)Address;
        long hugeBytes = ProcMapsParser.SumSmapsField(File.ReadAllText("/proc/self/smaps"), "AnonHugePages", start, start + (ulong)Length);
        string policy = ReadTransparentHugePagePolicy();
        string detail = hugeBytes > 0
            ? $"{ByteSize.Format(hugeBytes)} of {ByteSize.Format(Length)} in transparent huge pages"
            : !requested ? "not requested"
            : policy == "never" ? $"none: transparent huge pages are disabled ({TransparentHugePagePolicyPath} is [never])"
            : Length < PageArenaOptions.HugePageSize ? $"none: the arena is smaller than one {ByteSize.Format(PageArenaOptions.HugePageSize)} huge page"
            : $"none yet: the kernel gives huge pages at first touch (policy [{policy}]); prefault the arena or ask again after use";
        return new HugePageReport(requested, hugeBytes, Length, detail);
    }

    [UnsupportedOSPlatform("windows")]
    private static string? AdviseHugePagesLinux(nint address, long length)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "none: transparent huge pages are a Linux feature";
        }
        if (Interop.Libc.Madvise((void*)address, (nuint)length, Interop.Libc.MADV_HUGEPAGE) != 0)
        {
            // Not fatal: the arena works with base pages, and the report says why it has no huge ones.
            return $"none: madvise(MADV_HUGEPAGE) was refused with {Interop.DescribeError(Marshal.GetLastPInvokeError())}";
        }
        return null;
    }

    private static string ReadTransparentHugePagePolicy()
    {
        try
        {
            // "always [madvise] never": the bracketed word is the policy in force.
            string text = File.ReadAllText(TransparentHugePagePolicyPath);
            int open = text.IndexOf('[', StringComparison.Ordinal);
            int close = text.IndexOf(']', StringComparison.Ordinal);
            return open >= 0 && close > open ? text[(open + 1)..close] : text.Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
