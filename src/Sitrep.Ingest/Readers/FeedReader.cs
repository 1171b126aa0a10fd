using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Reads a saved RSS (2.0 or 1.0) or Atom feed: one report per item or entry, its text taken
/// from the fullest content the item carries. Items without text are failures naming the item.
/// </summary>
public static partial class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    // No DTDs and no external resources: a saved feed must not reach the network or expand entities.
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };

    static FeedReader()
    {
        // XmlReader finds the encoding a feed declares (windows-1251, iso-8859-2...) only among
        // registered encodings, and without this provider .NET has just the Unicode ones and Latin-1.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Reads a feed file; the XML declaration decides its encoding.</summary>
    public static IReadOnlyList<ReadOutcome> Read(Stream feed, string input, string stem) =>
        Read(() => XmlReader.Create(feed, Settings), input, stem);

    /// <summary>Reads a feed that arrived as text, such as standard input.</summary>
    public static IReadOnlyList<ReadOutcome> Read(TextReader feed, string input, string stem) =>
        Read(() => XmlReader.Create(feed, Settings), input, stem);

    private static IReadOnlyList<ReadOutcome> Read(Func<XmlReader> open, string input, string stem)
    {
        XDocument document;
        try
        {
            using var reader = open();
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return [new ReadFailure(input, ex.LineNumber > 0 ? ex.LineNumber : null, $"malformed XML: {ex.Message}")];
        }
        var root = document.Root!;
        var (items, outlet) = root.Name.LocalName switch
        {
            "feed" when root.Name.Namespace == Atom => (root.Elements(Atom + "entry"), Text(root.Element(Atom + "title"))),
            "rss" => (root.Elements("channel").Elements("item"), Text(root.Element("channel")?.Element("title"))),
            "RDF" => (root.Elements(Rss1 + "item"), Text(root.Element(Rss1 + "channel")?.Element(Rss1 + "title"))),
            _ => (null, null),
        };
        if (items is null)
        {
            return [new ReadFailure(input, null, "XML is not an RSS or Atom feed")];
        }
        var outcomes = items.Select((item, i) => ReadItem(item, i + 1, input, stem, outlet)).ToList();
        return outcomes.Count > 0 ? outcomes : [new ReadFailure(input, null, "feed has no items")];
    }

    private static ReadOutcome ReadItem(XElement item, int number, string input, string stem, string? outlet)
    {
        bool atom = item.Name.Namespace == Atom;
        var ns = item.Name.Namespace;
        var link = atom
            ? item.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value.Trim()
            : Text(item.Element(ns + "link"));
        var id = Text(item.Element(atom ? Atom + "id" : ns + "guid")) ?? link ?? $"{stem}#{number}";
        var published = atom
            ? PublishedDate.Parse(Text(item.Element(Atom + "published")) ?? Text(item.Element(Atom + "updated")))
            : PublishedDate.Parse(Text(item.Element(ns + "pubDate")) ?? Text(item.Element(DublinCore + "date")));

        var body = atom
            ? BodyText(item.Element(Atom + "content")) ?? BodyText(item.Element(Atom + "summary"))
            : HtmlText(Text(item.Element(Content + "encoded"))) ?? HtmlText(Text(item.Element(ns + "description")));
        int? line = ((IXmlLineInfo)item).HasLineInfo() ? ((IXmlLineInfo)item).LineNumber : null;
        if (body is null)
        {
            return new ReadFailure(input, line, $"item {number} ('{id.ReplaceLineEndings(" ")}') has no text");
        }
        var title = Text(item.Element(atom ? Atom + "title" : ns + "title"));
        return new ReportRead(new RawReport(id, link ?? input, body, title, outlet, published, Line: line) { Input = input });
    }

    // Atom says what its text is: "text" (the default), "html" (escaped markup), "xhtml" (inline
    // markup) or a media type. Content given by reference (src) is not in the feed.
    private static string? BodyText(XElement? element) =>
        element?.Attribute("src") is not null ? null : (string?)element?.Attribute("type") switch
        {
            null or "text" or "text/plain" => PlainText(Text(element)),
            "html" or "text/html" => HtmlText(Text(element)),
            "xhtml" or "application/xhtml+xml" => HtmlText(string.Concat(element!.Nodes())),
            _ => null,
        };

    // RSS does not say; markup is recognised by its tags and entities.
    private static string? HtmlText(string? content) =>
        content is null || !Markup().IsMatch(content) ? PlainText(content) : NonEmpty(HtmlArticleReader.Extract(content).Text);

    private static string? PlainText(string? content) =>
        content is not null && TextDecoder.TryNormalise(content, out var text, out _) ? text.Trim() : null;

    private static string? Text(XElement? element) => NonEmpty(element?.Value.Trim());

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    [GeneratedRegex(@"<[a-zA-Z/!]|&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);")]
    private static partial Regex Markup();
}
