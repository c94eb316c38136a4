using System.Text;

namespace HwLab.Lab.Reports;

/// <summary>A GitHub-flavoured Markdown table, cells escaped so that each row stays one line whatever a cell holds.</summary>
internal static class MarkdownTable
{
    public static void Write(StringBuilder text, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<bool>? rightAligned = null)
    {
        text.Append("| ").Append(string.Join(" | ", headers.Select(MarkdownText.Escape))).AppendLine(" |");
        text.Append('|').Append(string.Join('|', headers.Select((_, i) => rightAligned is not null && rightAligned[i] ? " ---: " : " --- "))).AppendLine("|");
        foreach (IReadOnlyList<string> row in rows)
        {
            text.Append("| ").Append(string.Join(" | ", row.Select(MarkdownText.Escape))).AppendLine(" |");
        }
        text.AppendLine();
    }
}
