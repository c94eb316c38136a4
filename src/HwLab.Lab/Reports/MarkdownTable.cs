using System.Text;

namespace HwLab.Lab.Reports;

/// <summary>A GitHub-flavoured Markdown table, cells escaped.</summary>
internal static class MarkdownTable
{
    public static void Write(StringBuilder text, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<bool>? rightAligned = null)
    {
        text.Append("| ").Append(string.Join(" | ", headers.Select(Escape))).AppendLine(" |");
        text.Append('|').Append(string.Join('|', headers.Select((_, i) => rightAligned is not null && rightAligned[i] ? " ---: " : " --- "))).AppendLine("|");
        foreach (IReadOnlyList<string> row in rows)
        {
            text.Append("| ").Append(string.Join(" | ", row.Select(Escape))).AppendLine(" |");
        }
        text.AppendLine();
    }

    public static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
