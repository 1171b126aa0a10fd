using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Sitrep.Ingest.Readers;

/// <summary>What an HTML page yields: the article body as paragraphs, and page metadata.</summary>
public sealed record HtmlArticle(string Text, string? Title, string? Outlet, DateOnly? Published)
{
    /// <summary>What had to change to read the page (elements nested too deeply flattened).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Reduces a news page (or an HTML fragment from a feed) to the article body: paragraphs
/// separated by blank lines, without navigation, bylines, share bars and related links.
/// </summary>
public static class HtmlArticleReader
{
    public const string NoTextMessage = "HTML has no article text";

    private const string JunkTags = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, "
        + "button, select, object, embed, canvas, address, [hidden], [aria-hidden=true], [rel=author], [itemprop=author]";

    private static readonly HashSet<string> BlockTags =
    [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt",
        "dd", "blockquote", "pre", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "caption", "hr", "details", "summary", "center",
    ];

    // Class and id words (whole words of "share-bar", "relatedLinks") that mark page furniture.
    private static readonly string[] JunkWordPrefixes =
        ["share", "social", "related", "newsletter", "promo", "byline", "author", "comments", "breadcrumb", "tags", "advert"];

    private static readonly HashSet<string> JunkWords = ["comment", "ad", "ads", "tag"];

    private static readonly string[] DateMetaNames = ["date", "pubdate", "publish-date", "dc.date"];

    public static ReadOutcome Read(string html, string input, string inputId)
    {
        var article = Extract(html);
        return article.Text.Length == 0
            ? new ReadFailure(input, null, NoTextMessage)
            : new ReportRead(new RawReport(inputId, input, article.Text, article.Title, article.Outlet, article.Published) { Warnings = article.Warnings });
    }

    /// <summary>The article of a page; Text is empty when the page has none.</summary>
    public static HtmlArticle Extract(string html)
    {
        var (capped, depth) = HtmlNesting.Cap(html);
        List<string> warnings = depth > HtmlNesting.MaxDepth
            ? [$"HTML elements nested {depth} deep; those below depth {HtmlNesting.MaxDepth} were flattened into their parent (text kept)"]
            : [];
        var document = new HtmlParser().ParseDocument(capped);
        // Metadata first: script, header and byline elements that carry it are removed below.
        var title = Meta(document, "meta[property='og:title']") ?? Collapse(document.Title) ?? Collapse(document.QuerySelector("h1")?.TextContent);
        var outlet = Meta(document, "meta[property='og:site_name']");
        var published = FindPublished(document);

        RemoveFurniture(document);
        var root = ChooseRoot(document);
        if (root is null)
        {
            return new HtmlArticle("", title, outlet, published) { Warnings = warnings };
        }
        foreach (var heading in root.QuerySelectorAll("h1"))
        {
            // The headline is the title, not body text.
            heading.Remove();
        }
        var paragraphs = new ParagraphWriter();
        paragraphs.Walk(root);
        return new HtmlArticle(paragraphs.ToString().Normalize(System.Text.NormalizationForm.FormC), title, outlet, published) { Warnings = warnings };
    }

    private static DateOnly? FindPublished(IHtmlDocument document)
    {
        var published = PublishedDate.Parse(Meta(document, "meta[property='article:published_time'], meta[itemprop=datePublished]"));
        published ??= document.QuerySelectorAll("meta[name]")
            .Where(m => DateMetaNames.Contains(m.GetAttribute("name")!.Trim().ToLowerInvariant()))
            .Select(m => PublishedDate.Parse(m.GetAttribute("content")))
            .FirstOrDefault(d => d is not null);
        published ??= document.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonLdDatePublished(s.TextContent))
            .FirstOrDefault(d => d is not null);
        var time = document.QuerySelector("time[itemprop=datePublished][datetime], time[pubdate][datetime]")
            ?? document.QuerySelector("article time[datetime]")
            ?? document.QuerySelector("time[datetime]");
        return published ?? PublishedDate.Parse(time?.GetAttribute("datetime"));
    }

    private static DateOnly? JsonLdDatePublished(string json)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return FindDatePublished(parsed.RootElement);
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common and only costs us one date source.
            return null;
        }
    }

    // Depth-first, so a datePublished nested in @graph or an array is found too.
    private static DateOnly? FindDatePublished(JsonElement element)
    {
        IEnumerable<JsonElement> children;
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("datePublished", out var value) && value.ValueKind == JsonValueKind.String
                && PublishedDate.Parse(value.GetString()) is DateOnly date)
            {
                return date;
            }
            children = element.EnumerateObject().Select(p => p.Value);
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            children = element.EnumerateArray();
        }
        else
        {
            return null;
        }
        return children.Select(FindDatePublished).FirstOrDefault(d => d is not null);
    }

    private static void RemoveFurniture(IHtmlDocument document)
    {
        foreach (var element in document.QuerySelectorAll(JunkTags))
        {
            element.Remove();
        }
        foreach (var element in document.QuerySelectorAll("[class], [id]").Where(IsFurniture))
        {
            element.Remove();
        }
        foreach (var figure in document.QuerySelectorAll("figure"))
        {
            // Of a figure only its caption is text; the caption layer recognises it later.
            foreach (var child in figure.Children.Where(c => c.LocalName != "figcaption").ToList())
            {
                child.Remove();
            }
        }
    }

    private static bool IsFurniture(IElement element)
    {
        if (!IsJunkName(element.Id) && !element.ClassList.Any(IsJunkName))
        {
            return false;
        }
        // The article and its wrappers are never furniture, whatever their class says.
        return element.LocalName is not ("html" or "body" or "main" or "article")
            && element.GetAttribute("itemprop") != "articleBody"
            && element.QuerySelector("article, [itemprop=articleBody]") is null;
    }

    private static bool IsJunkName(string? name) =>
        name is not null && Words(name).Any(w => JunkWords.Contains(w) || JunkWordPrefixes.Any(p => w.StartsWith(p, StringComparison.Ordinal)));

    private static IEnumerable<string> Words(string name)
    {
        var word = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool camelBreak = char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]);
            if (!char.IsLetterOrDigit(c) || camelBreak)
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static IElement? ChooseRoot(IHtmlDocument document)
    {
        var article = document.QuerySelectorAll("article").MaxBy(ParagraphTextLength);
        if (article is not null && !string.IsNullOrWhiteSpace(article.TextContent))
        {
            return article;
        }
        var body = document.QuerySelector("[itemprop=articleBody]");
        if (body is not null && !string.IsNullOrWhiteSpace(body.TextContent))
        {
            return body;
        }
        var densest = document.QuerySelectorAll("p")
            .Where(p => p.ParentElement is not null)
            .GroupBy(p => p.ParentElement!)
            .MaxBy(g => g.Sum(p => p.TextContent.Trim().Length));
        return densest?.Key ?? document.Body;
    }

    private static int ParagraphTextLength(IElement element) =>
        element.QuerySelectorAll("p").Sum(p => p.TextContent.Trim().Length);

    private static string? Meta(IHtmlDocument document, string selector) =>
        Collapse(document.QuerySelector(selector)?.GetAttribute("content"));

    private static string? Collapse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return string.Join(' ', text.Split((char[])[' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Writes the text of a DOM subtree as paragraphs: one per block, &lt;br&gt; as a line break.</summary>
    private sealed class ParagraphWriter
    {
        private readonly List<string> _paragraphs = [];
        private readonly StringBuilder _current = new();

        public void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child.NodeType == NodeType.Text)
                {
                    // Source line breaks are spaces in HTML; only <br> breaks a line.
                    foreach (char c in child.TextContent)
                    {
                        _current.Append(c is '\n' or '\r' or '\t' or '\f' ? ' ' : c);
                    }
                }
                else if (child is IElement element)
                {
                    bool block = BlockTags.Contains(element.LocalName);
                    if (element.LocalName == "br")
                    {
                        _current.Append('\n');
                    }
                    else if (block)
                    {
                        Flush();
                    }
                    Walk(element);
                    if (block)
                    {
                        Flush();
                    }
                }
            }
        }

        public override string ToString()
        {
            Flush();
            return string.Join("\n\n", _paragraphs);
        }

        // Runs of HTML whitespace become one space; no-break spaces are text and stay.
        private void Flush()
        {
            var lines = new List<string>();
            foreach (var line in _current.ToString().Split('\n'))
            {
                var collapsed = Collapse(line);
                if (collapsed is not null)
                {
                    lines.Add(collapsed);
                }
                else if (lines.Count > 0)
                {
                    // An empty line (two <br>) ends a paragraph.
                    _paragraphs.Add(string.Join('\n', lines));
                    lines.Clear();
                }
            }
            if (lines.Count > 0)
            {
                _paragraphs.Add(string.Join('\n', lines));
            }
            _current.Clear();
        }
    }
}
