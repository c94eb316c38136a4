using System.Globalization;

namespace HwLab.Lab.Experiments.Setup;

/// <summary>
/// "[default: 9; 5 with --quick, 15 with --full; 5 to 10000]": the defaults read from the profiles
/// themselves and the range from the setting's own, so help cannot drift from either.
/// </summary>
public static class ProfileDefaults
{
    public static string Text<TSettings, TValue>(Func<SuiteProfile, TSettings> settings, Func<TSettings, TValue> value, ValueRange? range = null, bool each = false)
    {
        string Of(SuiteProfile profile) => Format(value(settings(profile)));
        string normal = Of(SuiteProfile.Default);
        string quick = Of(SuiteProfile.Quick);
        string full = Of(SuiteProfile.Full);
        return With(quick == normal && full == normal ? normal : $"{normal}; {quick} with --quick, {full} with --full", range, each);
    }

    /// <summary>"[default: 2016; -2147483648 to 2147483647]" for a default that is not the profile's; "each" before a list's range.</summary>
    public static string With(string defaults, ValueRange? range, bool each = false)
        => range is null ? $"[default: {defaults}]" : $"[default: {defaults}; {(each ? "each " : "")}{range}]";

    private static string Format<TValue>(TValue value) => value switch
    {
        TimeSpan span => span.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
        IEnumerable<string> names => string.Join(',', names),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };
}
