using System.ComponentModel;
using System.Runtime.InteropServices;

namespace HwLab.Native.Tests;

/// <summary>System calls the tests need to set up failure conditions; the product never makes them.</summary>
internal static unsafe partial class TestInterop
{
    public const int CAP_IPC_LOCK = 14;
    private const int RLIMIT_MEMLOCK = 8;
    private const uint _LINUX_CAPABILITY_VERSION_3 = 0x20080522;
    private const long SYS_capget = 125; // x86_64
    private const long SYS_capset = 126;

    [StructLayout(LayoutKind.Sequential)]
    public struct RLimit
    {
        public ulong rlim_cur;
        public ulong rlim_max;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct CapHeader
    {
        public uint version;
        public int pid;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct CapData
    {
        public uint effective;
        public uint permitted;
        public uint inheritable;
    }

    public static RLimit GetMemoryLockLimit()
    {
        RLimit value;
        Check(getrlimit(RLIMIT_MEMLOCK, &value), "getrlimit");
        return value;
    }

    public static void SetMemoryLockLimit(RLimit value) => Check(setrlimit(RLIMIT_MEMLOCK, &value), "setrlimit");

    public static bool HasEffectiveCapability(int capability)
    {
        CapData* data = stackalloc CapData[2];
        CapHeader header = new() { version = _LINUX_CAPABILITY_VERSION_3 };
        Check((int)syscall(SYS_capget, &header, data), "capget");
        return (data[capability / 32].effective & (1u << (capability % 32))) != 0;
    }

    /// <summary>Drops one capability from the calling thread's effective set (permitted set unchanged).</summary>
    public static void DropEffectiveCapability(int capability)
    {
        Assert.SkipUnless(RuntimeInformation.ProcessArchitecture == Architecture.X64, "the capability system call numbers here are x86_64's");
        CapData* data = stackalloc CapData[2];
        CapHeader header = new() { version = _LINUX_CAPABILITY_VERSION_3 };
        Check((int)syscall(SYS_capget, &header, data), "capget");
        data[capability / 32].effective &= ~(1u << (capability % 32));
        Check((int)syscall(SYS_capset, &header, data), "capset");
    }

    private static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), call + " failed");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrlimit(int resource, RLimit* limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, RLimit* limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, void* a, void* b);
}
