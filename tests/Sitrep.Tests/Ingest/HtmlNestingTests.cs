using Sitrep.Ingest;
using Sitrep.Ingest.Readers;

namespace Sitrep.Tests.Ingest;

public class HtmlNestingTests
{
    private static string Nested(int depth, string inner) =>
        "<html><body>" + string.Concat(Enumerable.Repeat("<div class=\"x\">", depth)) + inner +
        string.Concat(Enumerable.Repeat("</div>", depth)) + "<p>After the nest.</p></body></html>";

    [Fact]
    public async Task A_page_nested_a_hundred_thousand_deep_is_read_flattened_with_a_warning()
    {
        var html = Nested(100_000, "<p>Gunmen killed four villagers on Monday.</p>");
        // The parser alone took a minute on this page; flattened it takes about a second.
        var read = await Task.Run(() => HtmlArticleReader.Read(html, "nested.html", "nested")).WaitAsync(TimeSpan.FromMinutes(1));
        var report = Assert.IsType<ReportRead>(read).Report;
        Assert.Contains("Gunmen killed four villagers on Monday.", report.Text);
        Assert.Contains("After the nest.", report.Text);
        var warning = Assert.Single(report.Warnings);
        Assert.Contains("nested 100003 deep", warning);
    }

    [Fact]
    public void A_page_within_the_cap_is_parsed_as_written()
    {
        var html = Nested(HtmlNesting.MaxDepth - 5, "<p>One <b>bold</b> line.<br>Two</p><!-- a <div> in a comment --><script>if (a < b) { x = '<div>'; }</script>");
        var (capped, depth) = HtmlNesting.Cap(html);
        Assert.Same(html, capped);
        Assert.Equal(HtmlNesting.MaxDepth - 1, depth);
        Assert.Empty(HtmlArticleReader.Extract(html).Warnings);
    }

    [Fact]
    public void Flattening_keeps_text_and_drops_only_the_deep_tags()
    {
        var (capped, depth) = HtmlNesting.Cap("<div><div><div><p>deep <i>text</i></p></div></div></div><p>a < b</p>", maxDepth: 2);
        Assert.Equal(5, depth);
        Assert.Equal("<div><div>deep text</div></div><p>a < b</p>", capped);
    }

    [Fact]
    public void Unclosed_paragraphs_and_list_items_do_not_count_as_nesting()
    {
        var html = "<body><ul>" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"<li><p>Item {i}")) + "</ul></body>";
        var (capped, _) = HtmlNesting.Cap(html);
        Assert.Same(html, capped);
        Assert.Empty(HtmlArticleReader.Extract(html).Warnings);
    }
}
