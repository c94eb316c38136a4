using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class HwLabNative
    {
        /// <summary>hwlab_pingpong: one side (role 0 ping, 1 pong) of rounds first_round .. first_round + rounds - 1.</summary>
        [LibraryImport(Libraries.HwLabNative, EntryPoint = "hwlab_pingpong")]
        internal static unsafe partial ulong PingPong(ulong* line, int role, ulong firstRound, ulong rounds);
    }
}
