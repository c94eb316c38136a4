using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace HwLab.Native.Memory;

public sealed unsafe partial class PageArena
{
    private const int ERROR_WORKING_SET_QUOTA = 1453;

    [SupportedOSPlatform("windows")]
    private static PageArena MapWindows(long length, long alignment, nuint guard, int pageSize, PageArenaOptions options)
    {
        nuint total = guard + (nuint)length + guard;
        nint start = ReserveAlignedWindows(total, guard, alignment);
        var mapping = new SafePageMappingHandle();
        mapping.SetMapping(start, total);
        try
        {
            nint data = start + (nint)guard;
            uint oldProtect;
            if (guard != 0
                && (Interop.Kernel32.VirtualProtect((void*)start, guard, Interop.Kernel32.PAGE_NOACCESS, &oldProtect) == 0
                    || Interop.Kernel32.VirtualProtect((void*)(data + (nint)length), guard, Interop.Kernel32.PAGE_NOACCESS, &oldProtect) == 0))
            {
                throw Interop.GetExceptionForLastError("VirtualProtect(PAGE_NOACCESS) of a guard page");
            }
            if (options.Lock && Interop.Kernel32.VirtualLock((void*)data, (nuint)length) == 0)
            {
                int error = Marshal.GetLastPInvokeError();
                string hint = error == ERROR_WORKING_SET_QUOTA
                    ? " The process's minimum working set is too small to lock it: raise it (SetProcessWorkingSetSize) or allocate without locking."
                    : "";
                throw new System.ComponentModel.Win32Exception(error, $"VirtualLock of {ByteSize.Format(length)} failed: {Interop.DescribeError(error)}.{hint}");
            }
            string? hugePageAdvice = options.TransparentHugePages
                ? "none: Windows large pages need SeLockMemoryPrivilege and MEM_LARGE_PAGES; HwLab does not request them"
                : null;
            return new PageArena(mapping, guard, length, pageSize, options, hugePageAdvice);
        }
        catch
        {
            mapping.Dispose();
            throw;
        }
    }

    // VirtualAlloc only promises 64 KiB alignment. Reserve with slack to find an aligned address,
    // release, and allocate exactly there; another thread can take the spot in between, so retry.
    [SupportedOSPlatform("windows")]
    private static nint ReserveAlignedWindows(nuint total, nuint guard, long alignment)
    {
        const uint reserveAndCommit = Interop.Kernel32.MEM_RESERVE | Interop.Kernel32.MEM_COMMIT;
        for (int attempt = 0; attempt < 16; attempt++)
        {
            void* probe = Interop.Kernel32.VirtualAlloc(null, total + (nuint)alignment, Interop.Kernel32.MEM_RESERVE, Interop.Kernel32.PAGE_READWRITE);
            if (probe is null)
            {
                throw Interop.GetExceptionForLastError($"VirtualAlloc of {ByteSize.Format((long)total)}");
            }
            nint start = (nint)RoundUp((nint)probe + (nint)guard, alignment) - (nint)guard;
            Interop.Kernel32.VirtualFree(probe, 0, Interop.Kernel32.MEM_RELEASE);
            void* placed = Interop.Kernel32.VirtualAlloc((void*)start, total, reserveAndCommit, Interop.Kernel32.PAGE_READWRITE);
            if (placed is not null)
            {
                return (nint)placed;
            }
        }
        throw new OutOfMemoryException($"No {alignment}-byte aligned range of {total} bytes could be reserved.");
    }
}
