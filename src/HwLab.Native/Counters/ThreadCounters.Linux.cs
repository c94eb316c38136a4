using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace HwLab.Native.Counters;

public sealed partial class ThreadCounters
{
    // read_format: the count plus the times that say whether, and how much, it was multiplexed.
    private const ulong ReadFormat = Interop.Libc.PERF_FORMAT_TOTAL_TIME_ENABLED | Interop.Libc.PERF_FORMAT_TOTAL_TIME_RUNNING;

    [SupportedOSPlatform("linux")]
    private static SafePerfEventHandle? Open(CounterKind kind, PerfEventConfig config, out CounterAvailability availability)
    {
        // Kernel and user space first, as perf stat counts by default; perf_event_paranoid 2 (the
        // usual default) allows only user space without CAP_PERFMON, and says so with EACCES.
        int fd = TryOpen(config, userSpaceOnly: false, out int errno);
        bool excludesKernel = false;
        if (fd < 0 && errno == Mono.Unix.Native.NativeConvert.FromErrno(Mono.Unix.Native.Errno.EACCES))
        {
            excludesKernel = true;
            fd = TryOpen(config, userSpaceOnly: true, out errno);
        }

        if (fd < 0)
        {
            availability = new CounterAvailability(kind, CounterReasons.ForOpenError(kind, errno, CounterReasons.ReadParanoid()), excludesKernel: false);
            return null;
        }
        availability = new CounterAvailability(kind, unavailableReason: null, excludesKernel);
        return new SafePerfEventHandle(fd);
    }

    [SupportedOSPlatform("linux")]
    private static unsafe int TryOpen(PerfEventConfig config, bool userSpaceOnly, out int errno)
    {
        var attr = new Interop.Libc.perf_event_attr
        {
            type = config.Type,
            // The whole mirrored struct (PERF_ATTR_SIZE_VER7, 128 bytes) rather than an older, smaller
            // version such as PERF_ATTR_SIZE_VER5: a newer kernel zero-fills what the caller did not
            // pass, and an older one accepts a larger struct as long as the bytes it does not know are
            // zero, which they are here. So one size works on every kernel, and it is the size the
            // layout test checks against the compiled header, not a second number to keep right.
            size = (uint)sizeof(Interop.Libc.perf_event_attr),
            config = config.Config,
            read_format = ReadFormat,
            // Not disabled: counting starts at open. Not inherited: this thread only.
            flags = userSpaceOnly ? Interop.Libc.perf_event_attr.exclude_kernel | Interop.Libc.perf_event_attr.exclude_hv : 0,
        };

        // pid 0, cpu -1: the calling thread, on whichever CPU it runs; group_fd -1: no group.
        int fd = Interop.Libc.PerfEventOpen(&attr, pid: 0, cpu: -1, group_fd: -1, Interop.Libc.PERF_FLAG_FD_CLOEXEC);
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd;
    }

    private static unsafe PerfCount ReadCount(SafePerfEventHandle handle)
    {
        // { value, time_enabled, time_running }, as ReadFormat asks for.
        const int Words = 3;
        ulong* buffer = stackalloc ulong[Words];
        bool added = false;
        try
        {
            // Holds the fd open against a concurrent Dispose; throws ObjectDisposedException after one.
            handle.DangerousAddRef(ref added);
            long read = Mono.Unix.Native.Syscall.read(handle.Fd, buffer, Words * sizeof(ulong));
            if (read < 0)
            {
                throw Interop.GetExceptionForLastError("read(perf_event fd)");
            }
            if (read != Words * sizeof(ulong))
            {
                throw new InvalidOperationException($"read(perf_event fd) returned {read} bytes, not the {Words * sizeof(ulong)} its read_format asks for.");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
        return new PerfCount(buffer[0], buffer[1], buffer[2]);
    }
}
