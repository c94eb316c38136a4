using System.Runtime.InteropServices;

namespace HwLab.Native.Tests;

/// <summary>
/// Drops capabilities from the calling thread only, to see what an unprivileged process sees.
/// Linux keeps capabilities per thread and glibc's capset(2) changes just the caller's, so the
/// rest of the test process keeps its own.
/// </summary>
internal static unsafe partial class ThreadCapabilities
{
    // <linux/capability.h>
    private const uint _LINUX_CAPABILITY_VERSION_3 = 0x20080522;
    internal const int CAP_IPC_LOCK = 14;
    internal const int CAP_SYS_ADMIN = 21;
    internal const int CAP_PERFMON = 38;

    /// <summary>Whether the calling thread has <paramref name="capability"/> in its effective set.</summary>
    public static bool HasEffective(int capability)
    {
        var header = new __user_cap_header_struct { version = _LINUX_CAPABILITY_VERSION_3, pid = 0 };
        __user_cap_data_struct* data = stackalloc __user_cap_data_struct[2];
        if (capget(&header, data) != 0)
        {
            throw new InvalidOperationException($"capget failed with errno {Marshal.GetLastPInvokeError()}.");
        }
        return (data[capability / 32].effective & (1u << (capability % 32))) != 0;
    }

    /// <summary>Removes <paramref name="capabilities"/> from the calling thread's effective set.</summary>
    public static void DropEffective(params ReadOnlySpan<int> capabilities)
    {
        var header = new __user_cap_header_struct { version = _LINUX_CAPABILITY_VERSION_3, pid = 0 };
        __user_cap_data_struct* data = stackalloc __user_cap_data_struct[2]; // version 3: two 32-bit words
        if (capget(&header, data) != 0)
        {
            throw new InvalidOperationException($"capget failed with errno {Marshal.GetLastPInvokeError()}.");
        }
        foreach (int capability in capabilities)
        {
            data[capability / 32].effective &= ~(1u << (capability % 32));
        }
        if (capset(&header, data) != 0)
        {
            throw new InvalidOperationException($"capset failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int capget(__user_cap_header_struct* header, __user_cap_data_struct* data);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int capset(__user_cap_header_struct* header, __user_cap_data_struct* data);

#pragma warning disable CS0649 // written by capget
    private struct __user_cap_header_struct
    {
        public uint version;
        public int pid;
    }

    private struct __user_cap_data_struct
    {
        public uint effective;
        public uint permitted;
        public uint inheritable;
    }
#pragma warning restore CS0649
}
