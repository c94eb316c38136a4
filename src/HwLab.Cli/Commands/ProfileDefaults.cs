using System.Globalization;
using HwLab.Lab.Experiments;

namespace HwLab.Cli.Commands;

/// <summary>"[default: 9; 5 with --quick, 15 with --full]", read from the profiles themselves so help cannot drift from them.</summary>
internal static class ProfileDefaults
{
    public static string Text<TSettings, TValue>(Func<SuiteProfile, TSettings> settings, Func<TSettings, TValue> value)
    {
        string Of(SuiteProfile profile) => Format(value(settings(profile)));
        string normal = Of(SuiteProfile.Default);
        string quick = Of(SuiteProfile.Quick);
        string full = Of(SuiteProfile.Full);
        return quick == normal && full == normal ? $"[default: {normal}]" : $"[default: {normal}; {quick} with --quick, {full} with --full]";
    }

    private static string Format<TValue>(TValue value) => value switch
    {
        TimeSpan span => span.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
        IEnumerable<string> names => string.Join(',', names),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };
}
