using Sitrep.Ingest;
using Sitrep.Ingest.Readers;

namespace Sitrep.Tests.Ingest;

public class FeedReaderTests
{
    private static IReadOnlyList<ReadOutcome> ReadFixture(string name)
    {
        using var stream = File.OpenRead(Fixtures.Path(name));
        return FeedReader.Read(stream, $"feeds/{name}", Path.GetFileNameWithoutExtension(name));
    }

    private static IReadOnlyList<ReadOutcome> ReadText(string xml) => FeedReader.Read(new StringReader(xml), "f.xml", "f");

    [Fact]
    public void RssItemsBecomeReports()
    {
        var reports = ReadFixture("feed.rss").Select(o => Assert.IsType<ReportRead>(o).Report).ToList();

        Assert.Equal(
            [
                new RawReport("fixture-wire-0001", "https://fixture.example/veldra",
                    "Artillery fire struck the port of Veldra overnight.\n\nTwo dock workers were killed.",
                    "Port of Veldra shelled", "Fixture Wire", new DateOnly(2024, 3, 5), Line: 7) { Input = "feeds/feed.rss" },
                new RawReport("https://fixture.example/norrin", "https://fixture.example/norrin",
                    "An aid convoy reached Norrin on Wednesday & unloaded food.",
                    "Convoy reaches Norrin", "Fixture Wire", new DateOnly(2024, 3, 6), Line: 16) { Input = "feeds/feed.rss" },
            ],
            reports);
    }

    [Fact]
    public void AtomEntriesBecomeReports()
    {
        var reports = ReadFixture("feed.atom").Select(o => Assert.IsType<ReportRead>(o).Report).ToList();

        Assert.Equal(
            [
                new RawReport("urn:fixture:atom:1", "https://atom.fixture.example/kessa",
                    "A drone strike damaged a bridge near Kessa.\n\nTraffic was diverted.",
                    "Bridge near Kessa damaged", "Fixture Atom News", new DateOnly(2024, 3, 7), Line: 6) { Input = "feeds/feed.atom" },
                new RawReport("urn:fixture:atom:2", "https://atom.fixture.example/lorn",
                    "The curfew in Lorn was extended by one week.",
                    "Curfew extended in Lorn", "Fixture Atom News", new DateOnly(2024, 3, 8), Line: 16) { Input = "feeds/feed.atom" },
            ],
            reports);
    }

    [Fact]
    public void ItemWithoutTextIsAFailureNamingTheItem()
    {
        var outcomes = ReadText("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>Has text</title><description>Body.</description></item>
            <item><title>Empty</title><guid>g-2</guid><description><![CDATA[<img src="x.jpg">]]></description></item>
            </channel></rss>
            """);

        Assert.Equal("f#1", Assert.IsType<ReportRead>(outcomes[0]).Report.InputId);
        Assert.Equal("f.xml:3: item 2 ('g-2') has no text", outcomes[1].ToString());
    }

    [Theory]
    [InlineData("text", "&lt;p&gt; is how a paragraph starts.", "<p> is how a paragraph starts.")]
    [InlineData("text/html", "&lt;p&gt;Marked up.&lt;/p&gt;", "Marked up.")]
    [InlineData("image/png", "iVBORw0KGgo=", null)]
    public void AtomContentTypeDecidesHowTheTextIsRead(string type, string content, string? expected)
    {
        var outcome = Assert.Single(ReadText($"""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e</id><content type="{type}">{content}</content></entry></feed>
            """));

        Assert.Equal(expected, (outcome as ReportRead)?.Report.Text);
    }

    [Fact]
    public void Rss1ItemsAreRead()
    {
        var outcomes = ReadText("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel><title>Old Feed</title></channel>
              <item><title>One</title><link>https://old.example/1</link><description>First report.</description><dc:date>2024-01-02</dc:date></item>
            </rdf:RDF>
            """);

        Assert.Equal(
            new RawReport("https://old.example/1", "https://old.example/1", "First report.", "One", "Old Feed", new DateOnly(2024, 1, 2), Line: 3) { Input = "f.xml" },
            Assert.IsType<ReportRead>(Assert.Single(outcomes)).Report);
    }

    [Theory]
    [InlineData("<html><body>Not a feed</body></html>", "f.xml: XML is not an RSS or Atom feed")]
    [InlineData("<rss version=\"2.0\"><channel><title>T</title></channel></rss>", "f.xml: feed has no items")]
    public void XmlThatHoldsNoItemsIsAFailure(string xml, string expected)
    {
        Assert.Equal(expected, Assert.Single(ReadText(xml)).ToString());
    }

    [Fact]
    public void DeclaredLegacyEncodingIsHonoured()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><item><description>Харків</description></item></channel></rss>";
        var bytes = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(xml);

        var outcome = Assert.Single(FeedReader.Read(new MemoryStream(bytes), "f.xml", "f"));

        Assert.Equal("Харків", Assert.IsType<ReportRead>(outcome).Report.Text);
    }

    [Fact]
    public void MalformedXmlIsAFailureWithItsLine()
    {
        var failure = Assert.IsType<ReadFailure>(Assert.Single(ReadText("<rss>\n<channel>\n<item></channel></rss>")));

        Assert.Equal(3, failure.Line);
        Assert.StartsWith("malformed XML: ", failure.Message);
    }

    [Fact]
    public void DtdEntitiesAreNeverExpanded()
    {
        var outcomes = ReadText("""
            <!DOCTYPE rss [<!ENTITY boom "exploded">]>
            <rss version="2.0"><channel><title>T</title><item><description>It &boom;.</description></item></channel></rss>
            """);

        var failure = Assert.IsType<ReadFailure>(Assert.Single(outcomes));
        Assert.Contains("boom", failure.Message);
    }
}
