using System.Numerics;

namespace HwLab.Native.Topology;

/// <summary>
/// Which cache line sizes are believed. Every layout decision pads by the line size, so a corrupt
/// value must stop the parse rather than misplace every field: processors Linux runs on use 64
/// (x86, most arm64), 128 (POWER, Apple M-series) or 256 (s390) bytes, and the rule leaves room on
/// both sides while refusing what no cache has, such as 7 or 12 bytes.
/// </summary>
internal static class CacheLineSizes
{
    public const int Min = 16;
    public const int Max = 1024;

    /// <summary>The rule as a message states it.</summary>
    public const string Rule = "a power of two from 16 to 1024 bytes";

    public static bool IsPlausible(int bytes) => bytes is >= Min and <= Max && BitOperations.IsPow2(bytes);
}
