using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // O_CLOEXEC for the new fd, so a counter never leaks into a process HwLab starts.
        internal const ulong PERF_FLAG_FD_CLOEXEC = 1UL << 3;

        // glibc has no perf_event_open wrapper, so the call goes through syscall(2), whose number
        // differs per architecture: arch/x86/entry/syscalls/syscall_64.tbl and the generic table
        // in include/uapi/asm-generic/unistd.h that arm64 uses. The layout test checks the one for
        // the build machine against <sys/syscall.h>.
        private const nint SYS_perf_event_open_x64 = 298;
        private const nint SYS_perf_event_open_arm64 = 241;

        /// <summary>perf_event_open's syscall number on this process's architecture; -1 where HwLab does not know it.</summary>
        internal static nint SYS_perf_event_open { get; } = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => SYS_perf_event_open_x64,
            Architecture.Arm64 => SYS_perf_event_open_arm64,
            _ => -1,
        };

        /// <summary>perf_event_open(2): returns the new fd, or -1 with errno set (read it with Marshal.GetLastPInvokeError at once).</summary>
        /// <remarks>The caller checks <see cref="SYS_perf_event_open"/> first: syscall(-1) would fail with a misleading ENOSYS.</remarks>
        internal static unsafe int PerfEventOpen(perf_event_attr* attr, int pid, int cpu, int group_fd, ulong flags)
            => (int)SyscallPerfEventOpen(SYS_perf_event_open, attr, pid, cpu, group_fd, (nuint)flags);

        // syscall is variadic and fetches every argument as a long, so each one is passed
        // pointer-sized (pid -1 sign-extended), never as a 32-bit int with undefined upper bits.
        [LibraryImport(Libraries.Libc, EntryPoint = "syscall", SetLastError = true)]
        private static unsafe partial nint SyscallPerfEventOpen(nint number, perf_event_attr* attr, nint pid, nint cpu, nint group_fd, nuint flags);
    }
}
