using System.Runtime.Versioning;

namespace HwLab.Native.Threading;

public static partial class ThreadPinning
{
    // Windows numbers CPUs within processor groups of up to 64; HwLab numbers them group * 64 + index.
    private const int CpusPerGroup = 64;

    [SupportedOSPlatform("windows")]
    private static unsafe int GetCurrentCpuWindows()
    {
        Interop.Kernel32.PROCESSOR_NUMBER number;
        Interop.Kernel32.GetCurrentProcessorNumberEx(&number);
        return (number.Group * CpusPerGroup) + number.Number;
    }

    [SupportedOSPlatform("windows")]
    private static unsafe CpuSet GetThreadAffinityWindows()
    {
        Interop.Kernel32.GROUP_AFFINITY affinity;
        if (Interop.Kernel32.GetThreadGroupAffinity(Interop.Kernel32.GetCurrentThread(), &affinity) == 0)
        {
            throw Interop.GetExceptionForLastError("GetThreadGroupAffinity");
        }
        return FromGroupMask(affinity.Group, affinity.Mask);
    }

    [SupportedOSPlatform("windows")]
    private static unsafe CpuSet GetProcessAffinityWindows()
    {
        nuint process;
        nuint system;
        if (Interop.Kernel32.GetProcessAffinityMask(Interop.Kernel32.GetCurrentProcess(), &process, &system) == 0)
        {
            throw Interop.GetExceptionForLastError("GetProcessAffinityMask");
        }
        return FromGroupMask(0, process);
    }

    [SupportedOSPlatform("windows")]
    private static unsafe void SetThreadAffinityWindows(CpuSet cpus)
    {
        int group = cpus[0] / CpusPerGroup;
        if (cpus.Max / CpusPerGroup != group)
        {
            throw new CpuNotAvailableException($"CPUs {cpus} span processor groups; on Windows a thread is pinned within one group of {CpusPerGroup} CPUs.");
        }
        Interop.Kernel32.GROUP_AFFINITY affinity = default;
        affinity.Group = (ushort)group;
        foreach (int cpu in cpus)
        {
            affinity.Mask |= (nuint)1 << (cpu % CpusPerGroup);
        }
        if (Interop.Kernel32.SetThreadGroupAffinity(Interop.Kernel32.GetCurrentThread(), &affinity, null) == 0)
        {
            throw Interop.GetExceptionForLastError($"SetThreadGroupAffinity({cpus})");
        }
    }

    private static CpuSet FromGroupMask(int group, nuint mask)
        => CpuSet.Of(Enumerable.Range(0, CpusPerGroup).Where(bit => ((ulong)mask & (1UL << bit)) != 0).Select(bit => (group * CpusPerGroup) + bit));
}
