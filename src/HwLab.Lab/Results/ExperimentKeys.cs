using System.Globalization;

namespace HwLab.Lab.Results;

/// <summary>
/// The keys each experiment's points and timelines carry that the reports look up and parse (the
/// falseshare chart groups by distance, the c2c matrix by CPU pair). A document that names a known
/// experiment must give them in their form; points of other experiments have free keys.
/// </summary>
internal static class ExperimentKeys
{
    private enum Form
    {
        Text,
        WholeNumber,
        CpuPair,
    }

    private static readonly Dictionary<string, (string Key, Form Form)[]> s_pointKeys = new(StringComparer.Ordinal)
    {
        ["c2c"] = [("pair", Form.CpuPair), ("impl", Form.Text)],
        ["falseshare"] = [("distance", Form.WholeNumber), ("impl", Form.Text)],
        ["locks"] = [("kind", Form.Text), ("contention", Form.Text), ("workers", Form.WholeNumber)],
        ["swap"] = [("mode", Form.Text), ("order", Form.Text), ("layout", Form.Text), ("workers", Form.WholeNumber)],
        ["churn"] = [("mode", Form.Text), ("order", Form.Text), ("phase", Form.Text), ("workers", Form.WholeNumber)],
    };

    private static readonly Dictionary<string, (string Key, Form Form)[]> s_timelineKeys = new(StringComparer.Ordinal)
    {
        ["reserve"] = [("policy", Form.Text), ("mode", Form.Text)],
    };

    public static void CheckPoint(string experiment, ResultsField keys) => Check(s_pointKeys, experiment, keys);

    public static void CheckTimeline(string experiment, ResultsField keys) => Check(s_timelineKeys, experiment, keys);

    private static void Check(Dictionary<string, (string Key, Form Form)[]> required, string experiment, ResultsField keys)
    {
        foreach ((string key, Form form) in required.GetValueOrDefault(experiment) ?? [])
        {
            ResultsField field = keys.Property(key);
            string value = field.String();
            string? expected = form switch
            {
                Form.WholeNumber when !IsWholeNumber(value) => "a whole number",
                Form.CpuPair when !IsCpuPair(value) => "two CPU numbers such as 0-1",
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
