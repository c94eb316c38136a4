using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using HwLab.Lab.Experiments;
using HwLab.Native.Threading;

namespace HwLab.Cli;

/// <summary>
/// Options whose values are checked while parsing, so a bad value is a parse error: one line on
/// stderr, exit code 2, before any work starts.
/// </summary>
internal static class CliOptions
{
    /// <summary>
    /// An integer option within <paramref name="range"/> (which must lie within int). Text that is no
    /// int at all, too big for one included, gets the same error as a number out of range: it names the range.
    /// </summary>
    public static Option<int?> Int(string name, string description, string helpName, ValueRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return Int(name, description, helpName, v => range.Contains(v), $"a whole number from {range}");
    }

    /// <summary>A long option within <paramref name="range"/>; overflowing text is refused naming the range.</summary>
    public static Option<long?> Long(string name, string description, string helpName, ValueRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return Long(name, description, helpName, range.Contains, $"a whole number from {range}");
    }

    /// <summary>An integer option that must satisfy <paramref name="isValid"/>, described by <paramref name="requirement"/> in errors.</summary>
    public static Option<int?> Int(string name, string description, string helpName, Func<int, bool> isValid, string requirement)
        => Scalar(name, description, helpName, (string text, out int value) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value), isValid, requirement);

    /// <summary>A long option that must satisfy <paramref name="isValid"/>.</summary>
    public static Option<long?> Long(string name, string description, string helpName, Func<long, bool> isValid, string requirement)
        => Scalar(name, description, helpName, (string text, out long value) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value), isValid, requirement);

    /// <summary>A floating-point option that must be finite and satisfy <paramref name="isValid"/>; a trailing % is allowed.</summary>
    public static Option<double?> Double(string name, string description, string helpName, Func<double, bool> isValid, string requirement)
        => Scalar(
            name,
            description,
            helpName,
            (string text, out double value) => double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value),
            isValid,
            requirement);

    /// <summary>A CPU list option in the kernel's cpulist form with strides: 0-3,8 or 0-63:2.</summary>
    public static Option<CpuSet?> Cpus(string name, string description)
    {
        return new Option<CpuSet?>(name)
        {
            Description = description,
            HelpName = "LIST",
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return null;
                }
                if (!CpuSet.TryParse(result.Tokens[0].Value, out CpuSet? set, out string? error))
                {
                    result.AddError($"{name}: {error}.");
                    return null;
                }
                if (set.IsEmpty)
                {
                    result.AddError($"{name} names no CPU.");
                    return null;
                }
                return set;
            },
        };
    }

    /// <summary>A comma-separated list of whole numbers, each within <paramref name="range"/> (which must lie within int).</summary>
    public static Option<int[]?> IntList(string name, string description, string helpName, ValueRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return new Option<int[]?>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return null;
                }
                string text = result.Tokens[0].Value;
                var values = new List<int>();
                foreach (string part in text.Split(','))
                {
                    if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) || !range.Contains(value))
                    {
                        result.AddError(range.ListRefusal(name, text));
                        return null;
                    }
                    values.Add(value);
                }
                return [.. values];
            },
        };
    }

    /// <summary>A comma-separated list of names, each one of <paramref name="known"/>.</summary>
    public static Option<string[]?> NameList(string name, string description, IReadOnlyList<string> known)
    {
        return new Option<string[]?>(name)
        {
            Description = description,
            HelpName = "LIST",
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return null;
                }
                string[] names = [.. result.Tokens[0].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
                string[] unknown = [.. names.Except(known)];
                if (names.Length == 0 || unknown.Length > 0)
                {
                    result.AddError($"{name} takes {string.Join(", ", known)}; '{string.Join(",", unknown.DefaultIfEmpty(result.Tokens[0].Value))}' is not one of them.");
                    return null;
                }
                return names;
            },
        };
    }

    /// <summary>One name out of <paramref name="known"/>.</summary>
    public static Option<string?> Choice(string name, string description, IReadOnlyList<string> known)
    {
        return new Option<string?>(name)
        {
            Description = description,
            HelpName = string.Join('|', known),
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return null;
                }
                string given = result.Tokens[0].Value;
                if (!known.Contains(given))
                {
                    result.AddError($"{name} takes {string.Join(" or ", known)}, not '{given}'.");
                    return null;
                }
                return given;
            },
        };
    }

    /// <summary>A list option's value, or <paramref name="fallback"/> when it was not given (an absent list option reads as empty, not null).</summary>
    public static IReadOnlyList<T> GivenOr<T>(T[]? given, IReadOnlyList<T> fallback) => given is { Length: > 0 } ? given : fallback;

    private delegate bool TryParser<T>(string text, out T value);

    // One value, parsed in the invariant culture and checked, or one error naming the option and what it takes.
    private static Option<T?> Scalar<T>(string name, string description, string helpName, TryParser<T> tryParse, Func<T, bool> isValid, string requirement)
        where T : struct
    {
        return new Option<T?>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return null;
                }
                string text = result.Tokens[0].Value;
                if (!tryParse(text, out T value) || !isValid(value))
                {
                    result.AddError($"{name} must be {requirement}, not '{text}'.");
                    return null;
                }
                return value;
            },
        };
    }
}
