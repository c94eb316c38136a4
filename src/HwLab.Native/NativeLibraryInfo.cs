using System.Runtime.InteropServices;

namespace HwLab.Native;

/// <summary>Identifies libhwlab_native, the C library built from native-layout/, and checks it matches this assembly.</summary>
public static class NativeLibraryInfo
{
    /// <summary>The HWLAB_NATIVE_ABI_VERSION this assembly was written against (native-layout/include/hwlab_native.h).</summary>
    public const int ExpectedAbiVersion = 6;

    private const string Rebuild = "rebuild the solution so native-layout/ is compiled again";

    /// <summary>The ABI version the loaded library reports.</summary>
    public static int AbiVersion => Interop.HwLabNative.AbiVersion();

    /// <summary>The loaded library's version string.</summary>
    public static unsafe string Version => Marshal.PtrToStringUTF8((nint)Interop.HwLabNative.Version()) ?? "";

    /// <summary>
    /// Loads the library and checks it was built for <see cref="ExpectedAbiVersion"/>, so a stale
    /// build output is refused before it measures anything with old layouts or signatures.
    /// </summary>
    /// <exception cref="NativeLibraryMismatchException">The library cannot be loaded, has no ABI version, or reports another one.</exception>
    public static void EnsureCompatible()
    {
        int actual;
        try
        {
            actual = AbiVersion;
        }
        catch (DllNotFoundException e)
        {
            throw new NativeLibraryMismatchException($"libhwlab_native could not be loaded (it belongs next to the HwLab assemblies in {AppContext.BaseDirectory}): {Rebuild}.", e);
        }
        catch (EntryPointNotFoundException e)
        {
            throw new NativeLibraryMismatchException($"libhwlab_native has no hwlab_native_abi_version, so it predates this build of HwLab (ABI version {ExpectedAbiVersion}): {Rebuild}.", e);
        }
        if (actual != ExpectedAbiVersion)
        {
            throw new NativeLibraryMismatchException(
                $"libhwlab_native reports ABI version {actual}, but this build of HwLab expects {ExpectedAbiVersion}: {Rebuild}.");
        }
    }
}
