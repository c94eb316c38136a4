using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace HwLab.Native.Threading;

public static partial class ThreadPinning
{
    private const int EINVAL = 22;

    // glibc's CPU_SETSIZE is 1024; masks grow from there for machines with more possible CPUs.
    private const int InitialMaskWords = 1024 / 64;

    [UnsupportedOSPlatform("windows")]
    private static int GetCurrentCpuUnix()
    {
        int cpu = Interop.Libc.SchedGetCpu();
        if (cpu < 0)
        {
            throw Interop.GetExceptionForLastError("sched_getcpu");
        }
        return cpu;
    }

    [UnsupportedOSPlatform("windows")]
    private static unsafe CpuSet GetThreadAffinityUnix(int pid)
    {
        // The kernel rejects a mask smaller than nr_cpu_ids with EINVAL: grow until it fits.
        for (int words = InitialMaskWords; words <= CpuSet.MaxCpuNumber / 64; words *= 2)
        {
            ulong[] mask = new ulong[words];
            fixed (ulong* p = mask)
            {
                if (Interop.Libc.SchedGetAffinity(pid, (nuint)(words * sizeof(ulong)), p) == 0)
                {
                    return CpuSet.FromMask(mask);
                }
            }
            int errno = Marshal.GetLastPInvokeError();
            if (errno != EINVAL)
            {
                throw Interop.GetExceptionForError("sched_getaffinity", errno);
            }
        }
        throw new InvalidOperationException($"sched_getaffinity rejected every mask up to {CpuSet.MaxCpuNumber} CPUs.");
    }

    [UnsupportedOSPlatform("windows")]
    private static unsafe void SetThreadAffinityUnix(CpuSet cpus)
    {
        int words = Math.Max(InitialMaskWords, (cpus.Max / 64) + 1);
        ulong[] mask = new ulong[words];
        cpus.ToMask(mask);
        fixed (ulong* p = mask)
        {
            // pid 0: the calling thread, not the whole process.
            if (Interop.Libc.SchedSetAffinity(0, (nuint)(words * sizeof(ulong)), p) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw errno == EINVAL
                    ? new CpuNotAvailableException($"sched_setaffinity refused CPUs {cpus}: none of them is online and allowed to this process (allowed: {AllowedCpus}).")
                    : Interop.GetExceptionForError($"sched_setaffinity({cpus})", errno);
            }
        }
    }
}
