using System.Globalization;
using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

/// <summary>
/// Parses the value of one /sys or /proc file. Every failure is a <see cref="FormatException"/>
/// whose message starts with the file's path and quotes the bad value, so a bad capture or a
/// kernel that writes something new is found at once.
/// </summary>
internal static class SysfsText
{
    // The kernel's NR_CPUS is at most 8192 (x86 MAXSMP; powerpc also stops there, arm64 at 4096),
    // so no /sys or /proc file names a CPU above 8191. Holding captures to that bound also bounds
    // their cost: a CPU list has at most 8192 numbers, and a capture of N CPUs, each with its own
    // lists, cannot grow much past N x 8192 numbers.
    public const int MaxCpuNumber = 8191;

    // MAX_NUMNODES is 1 << NODES_SHIFT, and NODES_SHIFT is at most 10 on every architecture.
    public const int MaxNodeNumber = 1023;

    public static int ParseInt(string path, string text)
    {
        string value = OneLine(path, text);
        // Signed: physical_package_id and core_id are -1 on platforms that do not describe them.
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
        {
            return number;
        }
        throw new FormatException(IsDigits(value.AsSpan().TrimStart("+-"))
            ? Invariant($"{path}: '{Quote(value)}' is out of range ({int.MinValue} to {int.MaxValue}).")
            : $"{path}: '{Quote(value)}' is not a whole number.");
    }

    /// <summary>A count such as level, ways_of_associativity or number_of_sets: a whole number, not negative.</summary>
    public static int ParseCount(string path, string text)
    {
        int count = ParseInt(path, text);
        return count >= 0 ? count : throw new FormatException(Invariant($"{path}: '{count}' is negative, and it counts something."));
    }

    /// <summary>coherency_line_size: a power of two from 16 to 1024 (see <see cref="CacheLineSizes"/>).</summary>
    public static int ParseLineSize(string path, string text)
    {
        string value = OneLine(path, text);
        // Text, overflow and an implausible size alike get the rule, which says what was expected.
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int bytes) && CacheLineSizes.IsPlausible(bytes)
            ? bytes
            : throw new FormatException($"{path}: '{Quote(value)}' is not a cache line size ({CacheLineSizes.Rule}).");
    }

    /// <summary>A size as cache/indexN/size writes it: "48K", "2048K", "32768K" (K, M or G, or plain bytes).</summary>
    public static long ParseSize(string path, string text)
    {
        string trimmed = OneLine(path, text);
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
        if (unit == 0 || !IsDigits(digits))
        {
            throw new FormatException($"{path}: '{Quote(trimmed)}' is not a size such as 48K.");
        }
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value > long.MaxValue / unit)
        {
            throw new FormatException($"{path}: '{Quote(trimmed)}' is too large a size.");
        }
        return value * unit;
    }

    /// <summary>
    /// A row of whole numbers separated by spaces, as nodeN/distance writes it ("10 21"); at least
    /// one number, none negative.
    /// </summary>
    public static int[] ParseNumberRow(string path, string text)
    {
        string line = OneLine(path, text);
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            throw new FormatException($"{path}: the file is empty where a row of numbers was expected.");
        }
        var numbers = new int[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            if (!int.TryParse(words[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                throw new FormatException($"{path}: '{Quote(words[i])}' in '{Quote(line)}' is not a whole number.");
            }
        }
        return numbers;
    }

    public static CpuSet ParseCpuList(string path, string text)
        => CpuSet.TryParse(OneLine(path, text), MaxCpuNumber, out CpuSet? set, out string? error)
            ? set
            : throw new FormatException($"{path}: {error}.");

    public static CpuSet ParseCpuMask(string path, string text)
    {
        string mask = OneLine(path, text);
        try
        {
            return CpuSet.ParseMask(mask, MaxCpuNumber);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}.", e);
        }
    }

    public static CacheType ParseCacheType(string path, string text)
    {
        string trimmed = OneLine(path, text);
        return trimmed switch
        {
            "Data" => CacheType.Data,
            "Instruction" => CacheType.Instruction,
            "Unified" => CacheType.Unified,
            _ => throw new FormatException($"{path}: '{Quote(trimmed)}' is not a cache type (Data, Instruction or Unified)."),
        };
    }

    /// <summary>
    /// The value of a file that holds one line (every /sys attribute read here, osrelease),
    /// trimmed. A second line is refused: the kernel writes one, so it is the file recorded twice
    /// in a capture, and which copy is right cannot be told.
    /// </summary>
    public static string OneLine(string path, string text)
    {
        string trimmed = text.Trim();
        int lines = trimmed.AsSpan().Count('\n') + 1;
        return lines == 1
            ? trimmed
            : throw new FormatException(Invariant($"{path}: {lines} lines where the kernel writes one ('{Quote(trimmed[..trimmed.IndexOf('\n', StringComparison.Ordinal)])}' first); is the file recorded twice?"));
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

    /// <summary>The text as a message quotes it: at most 80 characters, so one bad line cannot flood the message.</summary>
    public static string Quote(string text) => text.Length <= 80 ? text : text[..80] + "...";

    private static bool IsDigits(ReadOnlySpan<char> text) => text.Length > 0 && !text.ContainsAnyExceptInRange('0', '9');

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
