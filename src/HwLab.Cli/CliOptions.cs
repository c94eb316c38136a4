using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace HwLab.Cli;

/// <summary>
/// Options whose values are checked while parsing, so a bad value is a parse error: one line on
/// stderr, exit code 2, before any work starts.
/// </summary>
internal static class CliOptions
{
    /// <summary>An integer option that must satisfy <paramref name="isValid"/>, described by <paramref name="requirement"/> in errors.</summary>
    public static Option<int?> Int(string name, string description, string helpName, Func<int, bool> isValid, string requirement)
    {
        return new Option<int?>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result => ParseInt(result, name, isValid, requirement),
        };
    }

    private static int? ParseInt(ArgumentResult result, string name, Func<int, bool> isValid, string requirement)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }
        string text = result.Tokens[0].Value;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || !isValid(value))
        {
            result.AddError($"{name} must be {requirement}, not '{text}'.");
            return null;
        }
        return value;
    }
}
