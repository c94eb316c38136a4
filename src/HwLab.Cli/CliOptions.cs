using System.CommandLine;
using System.Globalization;

namespace HwLab.Cli;

/// <summary>
/// Options of the commands that are not an experiment's (an experiment's own are its
/// <see cref="Lab.Experiments.Setup.SettingOption"/>s), checked while parsing, so a bad value is a
/// parse error: one line on stderr, exit code 2, before any work starts.
/// </summary>
internal static class CliOptions
{
    /// <summary>An integer option that must satisfy <paramref name="isValid"/>, described by <paramref name="requirement"/> in errors.</summary>
    public static Option<int?> Int(string name, string description, string helpName, Func<int, bool> isValid, string requirement)
        => Scalar(name, description, helpName, (string text, out int value) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value), isValid, requirement);

    /// <summary>A floating-point option that must be finite and satisfy <paramref name="isValid"/>; a trailing % is allowed.</summary>
    public static Option<double?> Double(string name, string description, string helpName, Func<double, bool> isValid, string requirement)
        => Scalar(
            name,
            description,
            helpName,
            (string text, out double value) => double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value),
            isValid,
            requirement);

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
