using System.Globalization;

namespace HwLab.Lab.Results;

/// <summary>
/// The keys an experiment's points (or timelines) carry that its report looks up and parses, with
/// the form of each value (its falseshare chart groups by distance, its c2c matrix by CPU pair).
/// A document that names the experiment must give them in that form, so a report never meets a key
/// it cannot read; the points of an experiment no schema names have free keys.
/// </summary>
public sealed class KeySchema
{
    private readonly (string Key, KeyForm Form)[] _keys;

    public KeySchema(params (string Key, KeyForm Form)[] keys) => _keys = keys;

    public static KeySchema None { get; } = new();

    /// <exception cref="ResultsFormatException">A key missing, or a value not of its form; the message names the field.</exception>
    internal void Check(ResultsField keys)
    {
        foreach ((string key, KeyForm form) in _keys)
        {
            ResultsField field = keys.Property(key);
            string value = field.String();
            string? expected = form switch
            {
                KeyForm.WholeNumber when !IsWholeNumber(value) => "a whole number",
                KeyForm.CpuPair when !IsCpuPair(value) => "two CPU numbers such as 0-1",
                _ => null,
            };
            if (expected is not null)
            {
                throw field.Fail($"expected {expected}, found {OneLineText.Quoted(value)}");
            }
        }
    }

    private static bool IsWholeNumber(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool IsCpuPair(string text)
    {
        string[] cpus = text.Split('-');
        return cpus.Length == 2 && cpus.All(IsWholeNumber);
    }
}

/// <summary>What a key's value must look like.</summary>
public enum KeyForm
{
    Text,
    WholeNumber,

    /// <summary>"0-1": two CPU numbers.</summary>
    CpuPair,
}
