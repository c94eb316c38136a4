using System.Net;
using System.Text;
using HwLab.Lab.Results;

namespace HwLab.Lab.Reports.Html;

/// <summary>HTML pieces, every text escaped.</summary>
internal static class HtmlText
{
    /// <summary>
    /// Text made inert in HTML and in the SVG inside it: &amp;, &lt;, &gt;, both quotes, and
    /// characters beyond ASCII that HTML names, as character references. The one escaper of
    /// report.html, for text and attribute values alike.
    /// </summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The outcome as a badge: its class sets the colour and border, and a mark before the word sets it apart by shape as well.</summary>
    public static string Badge(VerdictOutcome outcome) => Badge(outcome.Text(), Mark(outcome));

    /// <summary>A badge for a word that is no outcome ("not run"): no mark.</summary>
    public static string Badge(string word) => Badge(word, "");

    private static string Badge(string word, string mark)
    {
        return $"<span class=\"verdict {Encode(word.Replace(' ', '-'))}\">{(mark.Length == 0 ? "" : $"<span class=\"mark\" aria-hidden=\"true\">{mark} </span>")}{Encode(word)}</span>";
    }

    /// <summary>
    /// A mark for each decided outcome, so that confirmed, refuted and inconclusive differ in shape
    /// and not only in colour: for readers who cannot tell the colours apart, and on paper.
    /// </summary>
    public static string Mark(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Confirmed => "\u2713",
        VerdictOutcome.Refuted => "\u2717",
        VerdictOutcome.Inconclusive => "?",
        _ => "",
    };

    public static void Table(StringBuilder html, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlySet<int>? rawColumns = null, IReadOnlySet<int>? numericColumns = null)
    {
        html.Append("<table>");
        if (headers.Any(h => h.Length > 0))
        {
            html.Append("<thead><tr>");
            foreach (string header in headers)
            {
                html.Append("<th>").Append(Encode(header)).Append("</th>");
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
                    .Append(rawColumns?.Contains(i) == true ? row[i] : Encode(row[i]))
                    .Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>\n");
    }
}
