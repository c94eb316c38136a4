internal static partial class Interop
{
    internal static class Libraries
    {
        // The runtime maps "libc" to the C library's real soname (libc.so.6 on glibc).
        internal const string Libc = "libc";
        internal const string Kernel32 = "kernel32.dll";
        // libhwlab_native.so / hwlab_native.dll, built from native-layout/ next to this assembly.
        internal const string HwLabNative = "hwlab_native";
    }
}
