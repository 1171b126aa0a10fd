using Sitrep.Ingest;
using Sitrep.Ingest.Readers;

namespace Sitrep.Tests.Ingest;

public class HtmlArticleReaderTests
{
    [Fact]
    public void ArticleBodyKeepsParagraphsAndCaptionAndDropsFurniture()
    {
        var article = HtmlArticleReader.Extract(Fixtures.Read("article.html"));

        Assert.Equal(
            "Smoke rises over the port of Veldra. Photo: Fixture Agency\n\n"
            + "VELDRA, 5 March — Artillery fire struck the river port of Veldra overnight, killing two dock workers "
            + "and wounding five, the regional governor said on Tuesday.\n\n"
            + "The governor said the “shelling began shortly after midnight” and lasted about an hour.\n\n"
            + "Emergency crews worked through the night.\nRoads into the port remain closed.",
            article.Text);
    }

    [Fact]
    public void MetadataComesFromOpenGraphAndJsonLdGraph()
    {
        var article = HtmlArticleReader.Extract(Fixtures.Read("article.html"));

        Assert.Equal("Shelling hits river port of Veldra", article.Title);
        Assert.Equal("The Fixture Herald", article.Outlet);
        // The publisher's local day, not the UTC day (which would be 6 March).
        Assert.Equal(new DateOnly(2024, 3, 5), article.Published);
    }

    [Fact]
    public void PageWithoutArticleTextIsAFailure()
    {
        var outcome = HtmlArticleReader.Read(Fixtures.Read("no-body.html"), "pages/empty.html", "empty");

        var failure = Assert.IsType<ReadFailure>(outcome);
        Assert.Equal("pages/empty.html: HTML has no article text", failure.ToString());
    }

    [Fact]
    public void ReadWrapsTheArticleAsARawReport()
    {
        var outcome = HtmlArticleReader.Read(Fixtures.Read("article.html"), "in/veldra.html", "veldra");

        var report = Assert.IsType<ReportRead>(outcome).Report;
        Assert.Equal(("veldra", "in/veldra.html", false), (report.InputId, report.Source, report.FromPdfLayout));
        Assert.StartsWith("Smoke rises", report.Text);
    }

    [Theory]
    [InlineData("<meta property='article:published_time' content='2023-11-30T08:00:00Z'>", "2023-11-30")]
    [InlineData("<meta name='DC.date' content='2023-11-29'>", "2023-11-29")]
    [InlineData("<meta name='pubdate' content='20231128'>", "2023-11-28")]
    [InlineData("<meta name='publish-date' content='Nov 27, 2023'>", "2023-11-27")]
    [InlineData("<script type='application/ld+json'>[{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-11-26\"}]</script>", "2023-11-26")]
    public void PublicationDateIsReadFromMetaTagsAndJsonLd(string head, string expected)
    {
        var article = HtmlArticleReader.Extract($"<html><head>{head}</head><body><p>Text.</p></body></html>");

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), article.Published);
    }

    [Fact]
    public void TimeElementGivesTheDateWhenNoMetadataDoes()
    {
        var article = HtmlArticleReader.Extract(
            "<body><div class='masthead'><time datetime='2030-01-01'>Today</time></div>"
            + "<article><time datetime='2023-10-09T10:00'>9 October</time><p>Body.</p></article></body>");

        Assert.Equal(new DateOnly(2023, 10, 9), article.Published);
    }

    [Fact]
    public void TitleFallsBackToTitleElementThenHeading()
    {
        Assert.Equal("Page title", HtmlArticleReader.Extract("<title> Page \n title </title><h1>Head</h1><p>x</p>").Title);
        Assert.Equal("Head line", HtmlArticleReader.Extract("<h1>Head line</h1><p>x</p>").Title);
    }

    [Fact]
    public void ArticleBodyPropertyIsUsedWhenThereIsNoArticleElement()
    {
        var article = HtmlArticleReader.Extract(
            "<body><div><p>Sidebar teaser one.</p></div>"
            + "<div itemprop='articleBody'><p>First.</p><div class='inline-promo'>Subscribe!</div><p>Second.</p></div></body>");

        Assert.Equal("First.\n\nSecond.", article.Text);
    }

    [Fact]
    public void ElementWithMostParagraphTextIsUsedWithoutMarkup()
    {
        var article = HtmlArticleReader.Extract(
            "<body><div class='teasers'><p>Short.</p><p>Tiny.</p></div>"
            + "<div class='story'><p>The longest paragraph of the page is here.</p><p>And another one follows it.</p></div></body>");

        Assert.Equal("The longest paragraph of the page is here.\n\nAnd another one follows it.", article.Text);
    }

    [Fact]
    public void FurnitureClassOnAWrapperOfTheArticleDoesNotRemoveTheArticle()
    {
        var article = HtmlArticleReader.Extract(
            "<body><div class='author-page'><article><p>Kept.</p></article></div></body>");

        Assert.Equal("Kept.", article.Text);
    }

    [Fact]
    public void FurnitureWordsMatchWholeWordsOnly()
    {
        var article = HtmlArticleReader.Extract(
            "<body><div class='commentary-body'><p class='lead-paragraph'>Opinion text.</p><p class='relatedLinks'>x</p></div></body>");

        Assert.Equal("Opinion text.", article.Text);
    }

    [Fact]
    public void CaptionsOutsideTheArticleAreDropped()
    {
        var article = HtmlArticleReader.Extract(
            "<body><figure><figcaption>Outside caption</figcaption></figure><article><p>Inside.</p></article></body>");

        Assert.Equal("Inside.", article.Text);
    }
}
