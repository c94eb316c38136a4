using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace HwLab.Native.Threading;

/// <summary>
/// An immutable set of logical CPU numbers. Its text form is the kernel's cpulist format
/// (<c>0-3,8,10-11</c>, as in /sys/devices/system/cpu/online), extended with a stride for
/// sampling large machines: <c>0-63:2</c> is every second CPU from 0 to 63.
/// </summary>
[JsonConverter(typeof(CpuSetJsonConverter))]
public sealed class CpuSet : IReadOnlyList<int>, IEquatable<CpuSet>
{
    // The kernel's NR_CPUS tops out at 8192 today; anything far beyond is a typo, not a machine.
    // Eight times that leaves room for larger kernels while a set stays small (at most 65537
    // numbers) however its text is written: parsing never holds more than one bit per number.
    public const int MaxCpuNumber = 1 << 16;

    private readonly int[] _cpus; // sorted ascending, distinct

    private CpuSet(int[] sortedDistinct) => _cpus = sortedDistinct;

    public static CpuSet Empty { get; } = new([]);

    public int Count => _cpus.Length;

    public bool IsEmpty => _cpus.Length == 0;

    /// <summary>The highest CPU number in the set; the set must not be empty.</summary>
    public int Max => _cpus.Length > 0 ? _cpus[^1] : throw new InvalidOperationException("The CPU set is empty.");

    public int this[int index] => _cpus[index];

    public static CpuSet Of(IEnumerable<int> cpus)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        int[] array = [.. cpus];
        foreach (int cpu in array)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(cpu, nameof(cpus));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(cpu, MaxCpuNumber, nameof(cpus));
        }
        Array.Sort(array);
        return new CpuSet(Distinct(array));
    }

    public static CpuSet Of(params int[] cpus) => Of((IEnumerable<int>)cpus);

    /// <summary>CPUs <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public static CpuSet Range(int first, int last)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        return Of(Enumerable.Range(first, last - first + 1));
    }

    public bool Contains(int cpu) => Array.BinarySearch(_cpus, cpu) >= 0;

    public bool IsSubsetOf(CpuSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _cpus.All(other.Contains);
    }

    public CpuSet Intersect(CpuSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new CpuSet([.. _cpus.Where(other.Contains)]);
    }

    public CpuSet Union(CpuSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Of(_cpus.Concat(other._cpus));
    }

    public CpuSet Except(CpuSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new CpuSet([.. _cpus.Where(cpu => !other.Contains(cpu))]);
    }

    /// <summary>Parses a cpulist (<c>0-3,8</c>; an empty string is the empty set) with optional strides (<c>0-63:2</c>).</summary>
    /// <exception cref="FormatException">The text is not a CPU list; the message names the bad part.</exception>
    public static CpuSet Parse(string text)
        => TryParse(text, out CpuSet? set, out string? error) ? set : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out CpuSet? set, [NotNullWhen(false)] out string? error)
        => TryParse(text, MaxCpuNumber, out set, out error);

    /// <summary>As <see cref="TryParse(string?, out CpuSet?, out string?)"/>, refusing CPU numbers above <paramref name="maxCpuNumber"/>.</summary>
    public static bool TryParse(string? text, int maxCpuNumber, [NotNullWhen(true)] out CpuSet? set, [NotNullWhen(false)] out string? error)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCpuNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCpuNumber, MaxCpuNumber);
        set = null;
        if (text is null)
        {
            error = "no CPU list was given";
            return false;
        }

        // One bit per CPU number up to the highest named: a list that repeats a range a million
        // times costs no more memory than the range once.
        ulong[] bits = [];
        string trimmed = text.Trim();
        if (trimmed.Length > 0)
        {
            foreach (string rawPart in trimmed.Split(','))
            {
                string part = rawPart.Trim();
                if (!TryParseRange(part, maxCpuNumber, ref bits, out error))
                {
                    error = $"CPU list '{Excerpt(trimmed)}': {error}";
                    return false;
                }
            }
        }

        set = FromMask(bits);
        error = null;
        return true;
    }

    private static bool TryParseRange(string part, int maxCpuNumber, ref ulong[] bits, [NotNullWhen(false)] out string? error)
    {
        int stride = 1;
        string range = part;
        int colon = part.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            range = part[..colon];
            if (!TryParseNumber(part[(colon + 1)..], out stride) || stride == 0)
            {
                error = $"'{Excerpt(part)}' has a stride that is not a positive number";
                return false;
            }
        }

        int dash = range.IndexOf('-', StringComparison.Ordinal);
        string firstText = dash >= 0 ? range[..dash] : range;
        string lastText = dash >= 0 ? range[(dash + 1)..] : range;
        if (!TryParseNumber(firstText, out int first) || !TryParseNumber(lastText, out int last))
        {
            error = part.Length == 0 ? "an empty entry between commas" : $"'{Excerpt(part)}' is not a CPU number or range (write 3, 0-7 or 0-63:2)";
            return false;
        }
        if (first > maxCpuNumber || last > maxCpuNumber)
        {
            error = $"'{Excerpt(part)}' names a CPU beyond {maxCpuNumber}";
            return false;
        }
        if (last < first)
        {
            error = $"'{Excerpt(part)}' ends before it starts";
            return false;
        }
        if (colon >= 0 && dash < 0)
        {
            error = $"'{Excerpt(part)}' has a stride but no range (write 0-63:2)";
            return false;
        }

        if (bits.Length <= last / 64)
        {
            Array.Resize(ref bits, (last / 64) + 1);
        }
        // long: a stride near int.MaxValue must end the loop, not wrap to a negative CPU.
        for (long cpu = first; cpu <= last; cpu += stride)
        {
            bits[cpu / 64] |= 1UL << (int)(cpu % 64);
        }
        error = null;
        return true;
    }

    // Decimal digits only. A run of digits too long for an int is as much beyond every CPU as
    // 70000 is: it reads as int.MaxValue, so the caller's range check names it, rather than
    // calling a number "not a number".
    private static bool TryParseNumber(string text, out int value)
    {
        value = 0;
        if (text.Length == 0 || text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            value = int.MaxValue;
        }
        return true;
    }

    /// <summary>Parses a hexadecimal CPU mask as sysfs writes them: 32-bit groups separated by commas, most significant first (<c>ff,00000001</c>).</summary>
    /// <exception cref="FormatException">A group is not hexadecimal, or a set bit is a CPU beyond <see cref="MaxCpuNumber"/>.</exception>
    public static CpuSet ParseMask(string text) => ParseMask(text, MaxCpuNumber);

    /// <summary>As <see cref="ParseMask(string)"/>, refusing CPU numbers above <paramref name="maxCpuNumber"/>.</summary>
    public static CpuSet ParseMask(string text, int maxCpuNumber)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCpuNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCpuNumber, MaxCpuNumber);
        string trimmed = text.Trim();
        string[] groups = trimmed.Split(',');
        var cpus = new List<int>();
        for (int g = 0; g < groups.Length; g++)
        {
            if (!uint.TryParse(groups[g], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint bits))
            {
                throw new FormatException($"CPU mask '{Excerpt(trimmed)}': '{Excerpt(groups[g])}' is not a hexadecimal group");
            }
            // long: leading zero groups are allowed in any number, and their count times 32 may pass int.MaxValue.
            long baseCpu = (groups.Length - 1L - g) * 32;
            for (; bits != 0; bits &= bits - 1)
            {
                long cpu = baseCpu + System.Numerics.BitOperations.TrailingZeroCount(bits);
                if (cpu > maxCpuNumber)
                {
                    throw new FormatException($"CPU mask '{Excerpt(trimmed)}' names CPU {cpu}, beyond {maxCpuNumber}");
                }
                cpus.Add((int)cpu);
            }
        }
        return Of(cpus);
    }

    // Messages quote at most 80 characters of the text, so that a bad value cannot flood a one-line error.
    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "...";

    /// <summary>The set from a cpu_set_t-style mask of 64-bit words, CPU n at bit n % 64 of word n / 64.</summary>
    public static CpuSet FromMask(ReadOnlySpan<ulong> words)
    {
        var cpus = new List<int>();
        for (int w = 0; w < words.Length; w++)
        {
            for (ulong bits = words[w]; bits != 0; bits &= bits - 1)
            {
                cpus.Add((w * 64) + System.Numerics.BitOperations.TrailingZeroCount(bits));
            }
        }
        return new CpuSet([.. cpus]);
    }

    /// <summary>Writes the set as a cpu_set_t-style mask; <paramref name="words"/> must hold <see cref="Max"/>.</summary>
    public void ToMask(Span<ulong> words)
    {
        words.Clear();
        foreach (int cpu in _cpus)
        {
            if (cpu / 64 >= words.Length)
            {
                throw new ArgumentException($"A mask of {words.Length * 64} bits cannot hold CPU {cpu}.", nameof(words));
            }
            words[cpu / 64] |= 1UL << (cpu % 64);
        }
    }

    /// <summary>The kernel's cpulist form, ranges collapsed: <c>0-3,8,10-11</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (int i = 0; i < _cpus.Length;)
        {
            int j = i;
            while (j + 1 < _cpus.Length && _cpus[j + 1] == _cpus[j] + 1)
            {
                j++;
            }
            if (text.Length > 0)
            {
                text.Append(',');
            }
            text.Append(CultureInfo.InvariantCulture, $"{_cpus[i]}");
            if (j > i)
            {
                text.Append(CultureInfo.InvariantCulture, $"-{_cpus[j]}");
            }
            i = j + 1;
        }
        return text.ToString();
    }

    public bool Equals(CpuSet? other) => other is not null && _cpus.AsSpan().SequenceEqual(other._cpus);

    public override bool Equals(object? obj) => Equals(obj as CpuSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int cpu in _cpus)
        {
            hash.Add(cpu);
        }
        return hash.ToHashCode();
    }

    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)_cpus).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int[] Distinct(int[] sorted)
    {
        if (sorted.Length < 2)
        {
            return sorted;
        }
        int n = 1;
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[n - 1])
            {
                sorted[n++] = sorted[i];
            }
        }
        return sorted[..n];
    }
}
