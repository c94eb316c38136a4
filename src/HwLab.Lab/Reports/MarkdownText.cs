using System.Text;

namespace HwLab.Lab.Reports;

/// <summary>
/// Text from a results document (a host name, a command line, an error, a note) made inert in
/// Markdown: every character Markdown or its inline HTML would act on is escaped with a
/// backslash, and line breaks become spaces, so a value can neither add markup nor end a table
/// row, a heading or a list item early.
/// </summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_[]<>|~";

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\').Append(c);
            }
            else
            {
                escaped.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
            }
        }
        return escaped.ToString();
    }
}
