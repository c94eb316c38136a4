using System.Runtime.CompilerServices;

namespace HwLab.Layout.Locks;

/// <summary>The atomic forms: <see cref="Interlocked"/> on the word, as every real lock uses them.</summary>
internal readonly struct InterlockedWord : IWordAtomics
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Or(ref ulong word, ulong mask) => Interlocked.Or(ref word, mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong CompareExchange(ref ulong word, ulong value, ulong comparand) => Interlocked.CompareExchange(ref word, value, comparand);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FetchForWrite(ref ulong word) => Interlocked.Add(ref word, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void And(ref ulong word, ulong mask) => Interlocked.And(ref word, mask);
}
