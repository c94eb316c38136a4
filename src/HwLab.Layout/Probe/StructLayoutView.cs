using System.Globalization;

namespace HwLab.Layout.Probe;

/// <summary>
/// A struct's layout drawn as pahole draws it: each field with its offset and size, the holes
/// between fields, the padding at the end and where cache lines break, then what an array of
/// such objects does to those lines.
/// </summary>
public static class StructLayoutView
{
    private const int NameWidth = 32;

    /// <summary>
    /// The text lines for <paramref name="d"/> on lines of <paramref name="lineSize"/> bytes, with a
    /// summary for an array of <paramref name="count"/> objects starting at a line boundary.
    /// </summary>
    public static IReadOnlyList<string> Lines(StructDescription d, int lineSize, int count)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lineSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d.Size);

        var lines = new List<string> { $"struct {d.Name} {{" };
        long lineBits = lineSize * 8L;
        long cursor = 0; // the first bit no field has covered yet
        int holes = 0;
        long holeBits = 0;
        long memberBits = 0;
        long nextBoundary = lineBits;
        // Fields in memory order; members of a union share a start and keep their declared order.
        foreach (FieldDescription field in d.Fields.OrderBy(StartBit))
        {
            long start = StartBit(field);
            long end = start + (field.BitWidth ?? field.Size * 8L);
            // Union members overlap: only the bits no earlier field covered count as holes or as covered.
            if (start > cursor)
            {
                lines.Add($"    /* hole: {Amount(start - cursor)} */");
                holes++;
                holeBits += start - cursor;
            }
            while (start >= nextBoundary)
            {
                lines.Add(Boundary(nextBoundary / lineBits, lineSize));
                nextBoundary += lineBits;
            }
            string where = field.IsBitfield
                ? string.Create(CultureInfo.InvariantCulture, $"/* {start / 8,6}:{start % 8} {field.BitWidth,5} bits */")
                : string.Create(CultureInfo.InvariantCulture, $"/* {field.Offset,6}   {field.Size,5} {Bytes(field.Size)} */");
            string crossing = end > nextBoundary ? $"  /* crosses cacheline {nextBoundary / lineBits} boundary */" : string.Empty;
            lines.Add($"    {field.Name.PadRight(NameWidth)} {where}{crossing}");
            // A boundary inside a field is drawn by that field's note, not again before the next one.
            while (nextBoundary < end)
            {
                nextBoundary += lineBits;
            }
            memberBits += Math.Max(0, end - Math.Max(start, cursor));
            cursor = Math.Max(cursor, end);
        }
        long sizeBits = d.Size * 8L;
        long padding = sizeBits - cursor;
        if (padding > 0)
        {
            lines.Add($"    /* padding: {Amount(padding)} */");
        }
        lines.Add("};");

        int cachelines = (int)((d.Size + lineSize - 1) / lineSize);
        lines.Add(Invariant($"/* size: {d.Size}, align: {d.Align}, cachelines: {cachelines}, members: {d.Fields.Count} */"));
        lines.Add($"/* members cover: {Amount(memberBits)}, holes: {holes}, sum holes: {Amount(holeBits)}, padding: {Amount(Math.Max(0, padding))} */");
        lines.AddRange(ArraySummary(d.Size, lineSize, count));
        return lines;
    }

    /// <summary>How many of objects 0..count-1, each <paramref name="size"/> bytes from a line-aligned start, span two or more lines.</summary>
    public static long Straddling(int size, int lineSize, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lineSize);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // Object i starts at i*size mod lineSize, which repeats every lineSize/gcd objects.
        long period = lineSize / Gcd(size, lineSize);
        long inPeriod = 0, inRemainder = 0;
        long remainder = count % period;
        for (long i = 0; i < Math.Min(period, count); i++)
        {
            long start = i * size;
            if (start / lineSize != (start + size - 1) / lineSize)
            {
                inPeriod++;
                if (i < remainder)
                {
                    inRemainder++;
                }
            }
        }
        return (count / period * inPeriod) + inRemainder;
    }

    private static IEnumerable<string> ArraySummary(int size, int lineSize, int count)
    {
        long bytes = (long)size * count;
        long linesTouched = (bytes + lineSize - 1) / lineSize;
        string perLine = ((double)lineSize / size).ToString("0.##", CultureInfo.InvariantCulture);
        yield return Invariant($"/* array of {count}: {bytes} bytes on {linesTouched} cachelines of {lineSize} bytes, from a line-aligned start */");
        yield return Invariant($"/* objects per cacheline: {perLine} */");
        yield return Invariant($"/* objects straddling a cacheline boundary: {Straddling(size, lineSize, count)} of {count} */");
        yield return Invariant($"/* bytes per million objects: {size * 1_000_000L} */");
    }

    private static long StartBit(FieldDescription field) => field.BitOffset ?? field.Offset * 8L;

    private static string Boundary(long line, int lineSize)
        => Invariant($"    /* --- cacheline {line} boundary ({line * lineSize} bytes) --- */");

    private static string Amount(long bits)
        => bits % 8 == 0 ? Invariant($"{bits / 8} {Bytes(bits / 8)}") : Invariant($"{bits} {(bits == 1 ? "bit" : "bits")}");

    private static string Bytes(long count) => count == 1 ? "byte" : "bytes";

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
