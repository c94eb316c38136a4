using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Mono.Unix.Native;

namespace HwLab.Native.Memory;

public sealed unsafe partial class PageArena
{
    // mmap, munmap, mprotect and mlock come from Mono.Posix; madvise (huge pages) is ours.
    [UnsupportedOSPlatform("windows")]
    private static PageArena MapUnix(long length, long alignment, nuint guard, int pageSize, PageArenaOptions options)
    {
        nuint total = guard + (nuint)length + guard;
        // Over-reserve by the alignment, then trim both ends: mmap only promises page alignment.
        nuint slack = alignment > pageSize ? (nuint)alignment : 0;
        nuint reserved = total + slack;
        nint reservation = Syscall.mmap(0, reserved, MmapProts.PROT_READ | MmapProts.PROT_WRITE,
            MmapFlags.MAP_PRIVATE | MmapFlags.MAP_ANONYMOUS, -1, 0);
        if (reservation == -1)
        {
            throw Interop.GetExceptionForError($"mmap of {ByteSize.Format(length)}", Marshal.GetLastPInvokeError());
        }

        nint start = (nint)RoundUp(reservation + (nint)guard, alignment) - (nint)guard;
        TrimUnix(reservation, start - reservation);
        TrimUnix(start + (nint)total, reservation + (nint)reserved - (start + (nint)total));

        var mapping = new SafePageMappingHandle();
        mapping.SetMapping(start, total);
        try
        {
            nint data = start + (nint)guard;
            if (guard != 0)
            {
                ProtectNoneUnix(start, guard);
                ProtectNoneUnix(data + (nint)length, guard);
            }
            string? hugePageAdvice = options.TransparentHugePages ? AdviseHugePagesLinux(data, length) : null;
            if (options.Lock)
            {
                LockUnix(data, length);
            }
            return new PageArena(mapping, guard, length, pageSize, options, hugePageAdvice);
        }
        catch
        {
            mapping.Dispose();
            throw;
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static void TrimUnix(nint address, nint length)
    {
        if (length > 0 && Syscall.munmap(address, (ulong)length) != 0)
        {
            throw Interop.GetExceptionForLastError("munmap");
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static void ProtectNoneUnix(nint address, nuint length)
    {
        if (Syscall.mprotect(address, length, MmapProts.PROT_NONE) != 0)
        {
            throw Interop.GetExceptionForLastError("mprotect(PROT_NONE) of a guard page");
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static void LockUnix(nint address, long length)
    {
        if (Syscall.mlock(address, (ulong)length) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new System.ComponentModel.Win32Exception(errno, MemoryLockLimit.DescribeFailure(length, errno, MemoryLockLimit.Read()));
        }
    }
}
