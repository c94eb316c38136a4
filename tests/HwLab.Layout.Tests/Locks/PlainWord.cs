using HwLab.Layout.Locks;

namespace HwLab.Layout.Tests.Locks;

/// <summary>
/// The read-modify-writes of <see cref="IWordAtomics"/> done as a read and a separate write: a
/// bit lock built on them keeps its shape (spin, pauses, backoff) but lets two threads both see
/// the bit clear and both enter.
/// </summary>
internal readonly struct PlainWord : IWordAtomics
{
    // Writes only when the OR changes the word: a stale write of a bit already set would hand a
    // lock nobody holds to nobody, and the test would hang where it should count lost updates.
    public static ulong Or(ref ulong word, ulong mask)
    {
        ulong before = Volatile.Read(ref word);
        if ((before | mask) != before)
        {
            Volatile.Write(ref word, before | mask);
        }
        return before;
    }

    public static ulong CompareExchange(ref ulong word, ulong value, ulong comparand)
    {
        ulong before = Volatile.Read(ref word);
        if (before == comparand)
        {
            Volatile.Write(ref word, value);
        }
        return before;
    }

    public static ulong FetchForWrite(ref ulong word) => Volatile.Read(ref word);

    public static void And(ref ulong word, ulong mask) => Volatile.Write(ref word, Volatile.Read(ref word) & mask);
}
