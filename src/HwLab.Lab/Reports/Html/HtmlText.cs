using System.Net;
using System.Text;

namespace HwLab.Lab.Reports.Html;

/// <summary>HTML pieces, every text escaped.</summary>
internal static class HtmlText
{
    public static string E(string text) => WebUtility.HtmlEncode(text);

    public static string Badge(string outcome) => $"<span class=\"verdict {E(outcome.Replace(' ', '-'))}\">{E(outcome)}</span>";

    public static void Table(StringBuilder html, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlySet<int>? rawColumns = null, IReadOnlySet<int>? numericColumns = null)
    {
        html.Append("<table>");
        if (headers.Any(h => h.Length > 0))
        {
            html.Append("<thead><tr>");
            foreach (string header in headers)
            {
                html.Append("<th>").Append(E(header)).Append("</th>");
            }
            html.Append("</tr></thead>");
        }
        html.Append("<tbody>");
        foreach (IReadOnlyList<string> row in rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                html.Append(numericColumns?.Contains(i) == true ? "<td class=\"num\">" : "<td>")
                    .Append(rawColumns?.Contains(i) == true ? row[i] : E(row[i]))
                    .Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>\n");
    }
}
