namespace HwLab.Lab.Experiments.Check;

/// <summary>
/// One update the critical section makes: add 1 at bit <see cref="Low"/> of the
/// <see cref="Width"/>-byte word at <see cref="Offset"/>, keeping every bit outside
/// <see cref="Mask"/>, so a count shares its word with a lock bit as the seed's data does.
/// </summary>
/// <param name="Field">The field it updates.</param>
/// <param name="Offset">The word's byte offset in the struct.</param>
/// <param name="Width">The word's bytes: 8, 4, 2 or 1.</param>
/// <param name="Mask">The bits of the word that hold the count (contiguous).</param>
public sealed record CheckTouch(string Field, int Offset, int Width, ulong Mask)
{
    /// <summary>The count's lowest bit.</summary>
    public int Low => System.Numerics.BitOperations.TrailingZeroCount(Mask);

    /// <summary>The count after <paramref name="updates"/> updates from zero: it wraps at its width as the field would.</summary>
    public ulong Expected(long updates) => ((ulong)updates << Low) & Mask;
}
