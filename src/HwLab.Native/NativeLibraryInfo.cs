using System.Runtime.InteropServices;

namespace HwLab.Native;

/// <summary>Identifies libhwlab_native, the C library built from native-layout/, and checks it matches this assembly.</summary>
public static class NativeLibraryInfo
{
    /// <summary>The HWLAB_NATIVE_ABI_VERSION this assembly was written against (native-layout/include/hwlab_native.h).</summary>
    public const int ExpectedAbiVersion = 4;

    /// <summary>The ABI version the loaded library reports.</summary>
    public static int AbiVersion => Interop.HwLabNative.AbiVersion();

    /// <summary>The loaded library's version string.</summary>
    public static unsafe string Version => Marshal.PtrToStringUTF8((nint)Interop.HwLabNative.Version()) ?? "";

    /// <summary>Throws when the loaded library was built for another ABI version (a stale build output).</summary>
    public static void EnsureCompatible()
    {
        int actual = AbiVersion;
        if (actual != ExpectedAbiVersion)
        {
            throw new InvalidOperationException(
                $"libhwlab_native reports ABI version {actual}, but this build of HwLab expects {ExpectedAbiVersion}: rebuild the solution so native-layout/ is compiled again.");
        }
    }
}
