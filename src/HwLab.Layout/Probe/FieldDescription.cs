namespace HwLab.Layout.Probe;

/// <summary>One field of a struct as laid out in memory.</summary>
/// <param name="Offset">Byte offset; for a bitfield, the offset of its storage unit.</param>
/// <param name="Size">Bytes; for a bitfield, the size of its storage unit.</param>
/// <param name="BitOffset">For a bitfield: its first bit counted from the struct's first byte (bit 0 of byte 0 first); null otherwise.</param>
/// <param name="BitWidth">For a bitfield: how many bits; null otherwise.</param>
public sealed record FieldDescription(string Name, int Offset, int Size, int? BitOffset = null, int? BitWidth = null)
{
    public bool IsBitfield => BitWidth is not null;

    public override string ToString() => IsBitfield ? $"{Name}@{Offset}:{BitOffset}+{BitWidth}b" : $"{Name}@{Offset}+{Size}";
}
