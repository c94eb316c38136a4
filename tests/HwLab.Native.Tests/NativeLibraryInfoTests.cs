using HwLab.Native;

namespace HwLab.Native.Tests;

public sealed class NativeLibraryInfoTests
{
    [Fact]
    public void Library_built_by_cmake_is_loaded_next_to_the_tests()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "hwlab_native.dll" : "libhwlab_native.so")));
        Assert.Equal(NativeLibraryInfo.ExpectedAbiVersion, NativeLibraryInfo.AbiVersion);
        NativeLibraryInfo.EnsureCompatible();
    }

    [Fact]
    public void Version_is_the_cmake_project_version()
    {
        string cmake = File.ReadAllText(Path.Combine(RepoPaths.Root, "native-layout", "CMakeLists.txt"));
        Assert.Matches(@"^\d+\.\d+\.\d+$", NativeLibraryInfo.Version);
        Assert.Contains($"project(hwlab_native VERSION {NativeLibraryInfo.Version} ", cmake, StringComparison.Ordinal);
    }
}
