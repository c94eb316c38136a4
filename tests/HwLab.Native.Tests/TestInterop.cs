using System.ComponentModel;
using System.Runtime.InteropServices;

namespace HwLab.Native.Tests;

/// <summary>Resource limits the tests lower to set up failure conditions; the product never changes them.</summary>
internal static unsafe partial class TestInterop
{
    private const int RLIMIT_MEMLOCK = 8;

    [StructLayout(LayoutKind.Sequential)]
    public struct RLimit
    {
        public ulong rlim_cur;
        public ulong rlim_max;
    }

    public static RLimit GetMemoryLockLimit()
    {
        RLimit value;
        Check(getrlimit(RLIMIT_MEMLOCK, &value), "getrlimit");
        return value;
    }

    public static void SetMemoryLockLimit(RLimit value) => Check(setrlimit(RLIMIT_MEMLOCK, &value), "setrlimit");

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
}
