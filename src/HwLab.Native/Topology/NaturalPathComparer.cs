namespace HwLab.Native.Topology;

/// <summary>
/// Orders paths with their numbers compared as numbers, so a capture lists cpu2 before cpu10 and
/// reads like the machine. Distinct strings never compare equal (ties fall back to ordinal order),
/// which a sorted dictionary's key comparer needs.
/// </summary>
internal sealed class NaturalPathComparer : IComparer<string>
{
    public static NaturalPathComparer Instance { get; } = new();

    private NaturalPathComparer()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null)
        {
            return -1;
        }
        if (y is null)
        {
            return 1;
        }

        // Paths share long prefixes (/sys/devices/system/cpu/cpu...): skip the identical part at
        // vector speed, back to the start of the digit run it ends in, where the comparison by
        // value must begin. Sorting a 512-CPU capture's paths is then several times faster.
        int start = x.AsSpan().CommonPrefixLength(y);
        while (start > 0 && char.IsAsciiDigit(x[start - 1]))
        {
            start--;
        }
        int i = start;
        int j = start;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int startX = i;
                int startY = j;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }
                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }
                // Compare digit runs by value without parsing (they may exceed any integer type):
                // without leading zeros, the longer run is the larger number.
                ReadOnlySpan<char> a = x.AsSpan(startX, i - startX).TrimStart('0');
                ReadOnlySpan<char> b = y.AsSpan(startY, j - startY).TrimStart('0');
                int byValue = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
                if (byValue != 0)
                {
                    return byValue;
                }
            }
            else
            {
                int byChar = x[i].CompareTo(y[j]);
                if (byChar != 0)
                {
                    return byChar;
                }
                i++;
                j++;
            }
        }

        int byRest = (x.Length - i).CompareTo(y.Length - j);
        return byRest != 0 ? byRest : string.CompareOrdinal(x, y);
    }
}
