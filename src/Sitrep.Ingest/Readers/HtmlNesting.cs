using System.Text;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Caps how deeply HTML elements nest before the page is parsed. An HTML parser checks the stack of
/// open elements at every tag, so 100,000 nested &lt;div&gt;s cost it 100,000² steps; no article
/// nests that deep. Elements below the cap are flattened into their parent (their tags dropped,
/// their text kept). A light scan: comments, raw-text elements, quoted attributes, void elements
/// and the implied ends of &lt;p&gt;, &lt;li&gt; and table cells are followed, nothing else.
/// </summary>
public static class HtmlNesting
{
    public const int MaxDepth = 256;

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    // What an opening tag closes when it is open above the tag's container, as an HTML parser does ("<li>a<li>b").
    private static readonly Dictionary<string, (string[] Closes, string[] Within)> ImpliedEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["li"] = (["li"], ["ul", "ol", "menu"]),
        ["dt"] = (["dt", "dd"], ["dl"]),
        ["dd"] = (["dt", "dd"], ["dl"]),
        ["tr"] = (["tr", "td", "th"], ["table", "tbody", "thead", "tfoot"]),
        ["td"] = (["td", "th"], ["tr", "table"]),
        ["th"] = (["td", "th"], ["tr", "table"]),
        ["option"] = (["option"], ["select", "datalist"]),
    };

    // Block elements, whose start ends an open paragraph.
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "ul", "ol", "li", "dl", "dt", "dd", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "section", "article", "header", "footer", "nav", "aside", "form", "main", "figure", "address", "fieldset", "details", "menu",
    };

    // A closing tag is matched against this many open elements at most, so stray ones cost nothing.
    private const int CloseSearch = 64;

    /// <summary>The page with elements deeper than <paramref name="maxDepth"/> flattened, and the deepest nesting found.</summary>
    public static (string Html, int Depth) Cap(string html, int maxDepth = MaxDepth)
    {
        var output = new StringBuilder(html.Length);
        var open = new List<(string Name, bool Kept)>();
        int kept = 0, deepest = 0, i = 0;
        while (i < html.Length)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                output.Append(html, i, html.Length - i);
                break;
            }
            output.Append(html, i, lt - i);
            int end = TagEnd(html, lt);
            bool closing = html[lt + 1] == '/';
            var name = TagName(html, closing ? lt + 2 : lt + 1);
            if (name.Length == 0)
            {
                // A comment, doctype or processing instruction as written; a lone '<' is text.
                bool markup = html[lt + 1] is '!' or '?' || (closing && lt + 2 < html.Length && html[lt + 2] == '>');
                i = markup ? end : lt + 1;
                output.Append(html, lt, i - lt);
                continue;
            }
            bool keep = true;
            if (closing)
            {
                for (int k = open.Count - 1; k >= Math.Max(0, open.Count - CloseSearch); k--)
                {
                    if (string.Equals(open[k].Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        keep = open[k].Kept;
                        kept -= open.Skip(k).Count(o => o.Kept);
                        open.RemoveRange(k, open.Count - k);
                        break;
                    }
                }
            }
            else if (!Void.Contains(name) && html[end - 2] != '/')
            {
                if (Blocks.Contains(name))
                {
                    kept -= CloseImplied(open, ["p"], Blocks);
                }
                if (ImpliedEnds.TryGetValue(name, out var implied))
                {
                    kept -= CloseImplied(open, implied.Closes, implied.Within);
                }
                deepest = Math.Max(deepest, open.Count + 1);
                keep = kept < maxDepth;
                kept += keep ? 1 : 0;
                open.Add((name, keep));
                if (RawText.Contains(name))
                {
                    // Everything up to the element's closing tag is its text, whatever it looks like.
                    int close = html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                    int textEnd = close < 0 ? html.Length : close;
                    if (keep)
                    {
                        output.Append(html, lt, end - lt).Append(html, end, textEnd - end);
                    }
                    i = textEnd;
                    continue;
                }
            }
            if (keep)
            {
                output.Append(html, lt, end - lt);
            }
            i = end;
        }
        return (deepest > maxDepth ? output.ToString() : html, deepest);
    }

    /// <summary>Closes the nearest open element of <paramref name="closes"/> above any of <paramref name="within"/>; returns how many kept elements that closed.</summary>
    private static int CloseImplied(List<(string Name, bool Kept)> open, string[] closes, IReadOnlySet<string> within)
    {
        for (int k = open.Count - 1; k >= Math.Max(0, open.Count - CloseSearch); k--)
        {
            if (closes.Contains(open[k].Name, StringComparer.OrdinalIgnoreCase))
            {
                int closedKept = open.Skip(k).Count(o => o.Kept);
                open.RemoveRange(k, open.Count - k);
                return closedKept;
            }
            if (within.Contains(open[k].Name))
            {
                break;
            }
        }
        return 0;
    }

    private static int CloseImplied(List<(string Name, bool Kept)> open, string[] closes, string[] within) =>
        CloseImplied(open, closes, new HashSet<string>(within, StringComparer.OrdinalIgnoreCase));

    private static string TagName(string html, int start)
    {
        int i = start;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or ':' or '_') && (i > start || char.IsAsciiLetter(html[i])))
        {
            i++;
        }
        return html[start..i];
    }

    /// <summary>Just past the '>' that ends the tag at <paramref name="lt"/>, skipping quoted attribute values; a comment ends at "-->".</summary>
    private static int TagEnd(string html, int lt)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            int close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return close < 0 ? html.Length : close + 3;
        }
        char quote = '\0';
        for (int i = lt + 1; i < html.Length; i++)
        {
            char c = html[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }
        return html.Length;
    }
}
