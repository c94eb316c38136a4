using System.Globalization;

namespace HwLab.Native.Topology;

/// <summary>
/// A CPUID input: the leaf in EAX and the subleaf in ECX. Its text form, used in captures, is
/// <c>0x00000004.0x1</c>.
/// </summary>
public readonly record struct CpuIdLeaf(uint Leaf, uint Subleaf) : IComparable<CpuIdLeaf>
{
    public int CompareTo(CpuIdLeaf other)
    {
        int byLeaf = Leaf.CompareTo(other.Leaf);
        return byLeaf != 0 ? byLeaf : Subleaf.CompareTo(other.Subleaf);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"0x{Leaf:x8}.0x{Subleaf:x}");

    /// <summary>Parses <c>0x00000004.0x1</c> (the 0x prefixes are optional; the digits are hexadecimal).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CpuIdLeaf leaf)
    {
        leaf = default;
        int dot = text.IndexOf('.');
        if (dot < 0 || !TryParseHex(text[..dot], out uint value) || !TryParseHex(text[(dot + 1)..], out uint subleaf))
        {
            return false;
        }
        leaf = new CpuIdLeaf(value, subleaf);
        return true;
    }

    internal static bool TryParseHex(ReadOnlySpan<char> text, out uint value)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }
        return uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
