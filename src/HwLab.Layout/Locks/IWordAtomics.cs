namespace HwLab.Layout.Locks;

/// <summary>
/// The read-modify-writes a bit lock is built from, on one 64-bit word. <see cref="InterlockedWord"/>
/// makes them atomic; a lock's shape is written once over this interface, so the same shape over
/// non-atomic operations is the deliberately broken twin its validate test must catch.
/// </summary>
internal interface IWordAtomics
{
    /// <summary>ORs <paramref name="mask"/> into the word; returns the word before.</summary>
    static abstract ulong Or(ref ulong word, ulong mask);

    /// <summary>Stores <paramref name="value"/> if the word equals <paramref name="comparand"/>; returns the word before.</summary>
    static abstract ulong CompareExchange(ref ulong word, ulong value, ulong comparand);

    /// <summary>Reads the word by writing it: an atomic add of 0, which takes the line for writing.</summary>
    static abstract ulong FetchForWrite(ref ulong word);

    /// <summary>ANDs <paramref name="mask"/> into the word; the result is not used.</summary>
    static abstract void And(ref ulong word, ulong mask);
}
