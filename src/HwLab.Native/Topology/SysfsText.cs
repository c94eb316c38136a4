using System.Globalization;
using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

/// <summary>
/// Parses the value of one /sys or /proc file. Every failure is a <see cref="FormatException"/>
/// whose message starts with the file's path, so a bad capture or a kernel that writes something
/// new is found at once.
/// </summary>
internal static class SysfsText
{
    public static int ParseInt(string path, string text)
    {
        string trimmed = text.Trim();
        // Signed: physical_package_id and core_id are -1 on platforms that do not describe them.
        return int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new FormatException($"{path}: '{trimmed}' is not a whole number.");
    }

    /// <summary>A size as cache/indexN/size writes it: "48K", "2048K", "32768K" (K, M or G, or plain bytes).</summary>
    public static long ParseSize(string path, string text)
    {
        string trimmed = text.Trim();
        ReadOnlySpan<char> digits = trimmed;
        long unit = 1;
        if (digits.Length > 0 && char.IsAsciiLetter(digits[^1]))
        {
            unit = char.ToUpperInvariant(digits[^1]) switch
            {
                'K' => 1L << 10,
                'M' => 1L << 20,
                'G' => 1L << 30,
                _ => 0,
            };
            digits = digits[..^1];
        }
        if (unit == 0 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value > long.MaxValue / unit)
        {
            throw new FormatException($"{path}: '{trimmed}' is not a size such as 48K.");
        }
        return value * unit;
    }

    public static CpuSet ParseCpuList(string path, string text)
        => CpuSet.TryParse(text, out CpuSet? set, out string? error) ? set : throw new FormatException($"{path}: {error}.");

    public static CpuSet ParseCpuMask(string path, string text)
    {
        try
        {
            return CpuSet.ParseMask(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}.", e);
        }
    }

    public static CacheType ParseCacheType(string path, string text)
    {
        string trimmed = text.Trim();
        return trimmed switch
        {
            "Data" => CacheType.Data,
            "Instruction" => CacheType.Instruction,
            "Unified" => CacheType.Unified,
            _ => throw new FormatException($"{path}: '{trimmed}' is not a cache type (Data, Instruction or Unified)."),
        };
    }

    /// <summary>
    /// The "Key:\tvalue" lines of /proc/self/status as a map; lines without a colon are skipped,
    /// as new kernels may add any line.
    /// </summary>
    public static Dictionary<string, string> ParseKeyValueLines(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in text.Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }
        return fields;
    }
}
