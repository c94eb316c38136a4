using System.Text;

namespace HwLab.Lab.Results;

/// <summary>
/// Text for an error message that must stay one line on stderr: a path typed on the command line
/// or a value read from a file may hold line breaks and other control characters, and scripts
/// read the first line of an error as the whole of it.
/// </summary>
public static class OneLineText
{
    private const int QuotedLength = 60;

    /// <summary>The text with every control character and line or paragraph separator as a space.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(BreaksTheLine))
        {
            return text;
        }
        var line = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            line.Append(BreaksTheLine(c) ? ' ' : c);
        }
        return line.ToString();
    }

    /// <summary>A value from a document, quoted and cut short, for a message that names it: 'done'.</summary>
    public static string Quoted(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string line = Of(value);
        return line.Length <= QuotedLength ? $"'{line}'" : $"'{line[..QuotedLength]}...'";
    }

    private static bool BreaksTheLine(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
