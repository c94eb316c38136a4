using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using HwLab.Native.Threading;

namespace HwLab.Lab.Experiments.Setup;

/// <summary>
/// A setting an experiment takes on the command line (`hwlab run NAME --samples 9`): its name,
/// what --help says of it, and how its text becomes a value or one line that refuses it. The
/// experiment declares it and reads its value; the command line only carries the text, so the
/// experiment's own settings stay in its folder and parse the same wherever they are given.
/// </summary>
public abstract class SettingOption
{
    private protected SettingOption(string name, string description, string helpName, bool takesValue)
    {
        Name = name;
        Description = description;
        HelpName = helpName;
        TakesValue = takesValue;
    }

    /// <summary>"--samples".</summary>
    public string Name { get; }

    /// <summary>What --help says: what it sets, its default and its range.</summary>
    public string Description { get; }

    /// <summary>The value's name in --help: N, LIST, MS.</summary>
    public string HelpName { get; }

    /// <summary>False for a switch (<see cref="Flag"/>): giving its name alone turns it on.</summary>
    public bool TakesValue { get; }

    /// <summary>The text a switch that was given reads as.</summary>
    public const string FlagGiven = "true";

    /// <summary>Null when <paramref name="text"/> is a value of this option; otherwise one line that names the option and what it takes.</summary>
    public abstract string? Refusal(string text);

    /// <summary>A whole number within <paramref name="range"/> (which lies within int); text that is no int at all, too big for one included, is refused naming the range.</summary>
    public static SettingOption<int> WholeNumber(string name, string description, string helpName, ValueRange range) => Whole<int>(name, description, helpName, range);

    /// <summary>A whole number within <paramref name="range"/>, as a long.</summary>
    public static SettingOption<long> LongWholeNumber(string name, string description, string helpName, ValueRange range) => Whole<long>(name, description, helpName, range);

    /// <summary>Whole numbers separated by commas, each within <paramref name="range"/> (which lies within int).</summary>
    public static SettingOption<IReadOnlyList<int>> WholeNumbers(string name, string description, ValueRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return new(name, description, "LIST", (string text, [MaybeNullWhen(false)] out IReadOnlyList<int> value, out string? refusal) =>
        {
            var values = new List<int>();
            foreach (string part in text.Split(','))
            {
                if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number) || !range.Contains(number))
                {
                    (value, refusal) = (null, range.ListRefusal(name, text));
                    return false;
                }
                values.Add(number);
            }
            (value, refusal) = (values, null);
            return true;
        });
    }

    /// <summary>Names separated by commas, each one of <paramref name="known"/>.</summary>
    public static SettingOption<IReadOnlyList<string>> Names(string name, string description, IReadOnlyList<string> known)
        => new(name, description, "LIST", (string text, [MaybeNullWhen(false)] out IReadOnlyList<string> value, out string? refusal) =>
        {
            string[] names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            refusal = SettingChecks.UnknownNamesRefusal(names, known, name);
            value = refusal is null ? names : null;
            return refusal is null;
        });

    /// <summary>One name out of <paramref name="known"/>.</summary>
    public static SettingOption<string> OneName(string name, string description, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return new(name, description, string.Join('|', known), (string text, [MaybeNullWhen(false)] out string value, out string? refusal) =>
        {
            bool valid = known.Contains(text);
            value = valid ? text : null;
            refusal = valid ? null : $"{name} takes {string.Join(" or ", known)}, not '{text}'.";
            return valid;
        });
    }

    /// <summary>A switch, off unless given; on the command line it takes no value.</summary>
    public static SettingOption<bool> Flag(string name, string description)
        => new(name, description, "", (string text, out bool value, out string? refusal) =>
        {
            value = text == FlagGiven;
            refusal = value ? null : $"{name} takes no value.";
            return value;
        }, takesValue: false);

    /// <summary>CPUs in the kernel's cpulist form with strides: 0-3,8 or 0-63:2; at least one.</summary>
    public static SettingOption<CpuSet> Cpus(string name, string description)
        => new(name, description, "LIST", (string text, [MaybeNullWhen(false)] out CpuSet value, out string? refusal) =>
        {
            if (!CpuSet.TryParse(text, out value, out string? error))
            {
                refusal = $"{name}: {error}.";
                return false;
            }
            refusal = value.IsEmpty ? $"{name} names no CPU." : null;
            return refusal is null;
        });

    private static SettingOption<T> Whole<T>(string name, string description, string helpName, ValueRange range)
        where T : IBinaryInteger<T>
    {
        ArgumentNullException.ThrowIfNull(range);
        return new(name, description, helpName, (string text, [MaybeNullWhen(false)] out T value, out string? refusal) =>
        {
            bool valid = T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && range.Contains(long.CreateChecked(value));
            refusal = valid ? null : range.Refusal(name, text);
            return valid;
        });
    }
}

/// <summary>A setting whose value is a <typeparamref name="T"/>.</summary>
public sealed class SettingOption<T> : SettingOption
{
    private readonly Parser _parse;

    internal SettingOption(string name, string description, string helpName, Parser parse, bool takesValue = true)
        : base(name, description, helpName, takesValue)
        => _parse = parse;

    /// <summary>Turns an option's text into its value, or into the line that refuses it.</summary>
    internal delegate bool Parser(string text, [MaybeNullWhen(false)] out T value, out string? refusal);

    /// <summary>The value <paramref name="text"/> gives, or the line that refuses it.</summary>
    public bool TryParse(string text, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool parsed = _parse(text, out value, out refusal);
        refusal ??= parsed ? null : $"{Name}: '{text}' is not a value of it.";
        return parsed;
    }

    public override string? Refusal(string text) => TryParse(text, out _, out string? refusal) ? null : refusal;
}
