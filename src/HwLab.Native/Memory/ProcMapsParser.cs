using System.Globalization;

namespace HwLab.Native.Memory;

/// <summary>Parses /proc/PID/maps and the headers of /proc/PID/smaps. Pure: text in, records out.</summary>
public static class ProcMapsParser
{
    /// <summary>Every mapping of a maps (or smaps) text, in address order.</summary>
    public static IReadOnlyList<MemoryMapping> ParseMaps(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mappings = new List<MemoryMapping>();
        foreach (string line in text.Split('\n'))
        {
            if (TryParseHeader(line, out MemoryMapping? mapping))
            {
                mappings.Add(mapping);
            }
        }
        return mappings;
    }

    /// <summary>
    /// Sums one "Key:   N kB" field of /proc/PID/smaps over the mappings that overlap [start, end),
    /// in bytes. A mapping that extends past the range counts only up to the range's length,
    /// since the kernel reports the field per mapping, not per page.
    /// </summary>
    public static long SumSmapsField(string smapsText, string field, ulong start, ulong end)
    {
        ArgumentNullException.ThrowIfNull(smapsText);
        ArgumentException.ThrowIfNullOrEmpty(field);
        long total = 0;
        MemoryMapping? current = null;
        string prefix = field + ":";
        foreach (string rawLine in smapsText.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            if (TryParseHeader(line, out MemoryMapping? header))
            {
                current = header;
                continue;
            }
            if (current is null || !current.Overlaps(start, end) || !line.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            string[] parts = line[prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || parts[1] != "kB" || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long kib))
            {
                throw new FormatException($"smaps: '{line}' is not a '{field}: N kB' line");
            }
            ulong overlap = Math.Min(current.End, end) - Math.Max(current.Start, start);
            total += Math.Min(kib * 1024, (long)overlap);
        }
        return total;
    }

    // "7f12a0000000-7f12a0200000 rw-p 00000000 00:00 0    [path]"
    private static bool TryParseHeader(string line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MemoryMapping? mapping)
    {
        mapping = null;
        string[] fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[1].Length != 4)
        {
            return false;
        }
        int dash = fields[0].IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !ulong.TryParse(fields[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong start)
            || !ulong.TryParse(fields[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong end))
        {
            return false;
        }
        mapping = new MemoryMapping(start, end, fields[1], fields.Length == 6 ? fields[5].Trim() : "");
        return true;
    }
}
