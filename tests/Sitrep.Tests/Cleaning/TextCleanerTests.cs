using Sitrep.Core;

namespace Sitrep.Tests.Cleaning;

public class TextCleanerTests
{
    // A report we wrote, laid out as PDF extraction leaves it: a caption with a cut credit,
    // ~70-column hard breaks, a layout hyphen and a real hyphen at line ends.
    private const string PdfLike =
        " Soldiers walk past a damaged mosque in the old city of Homs. Jane Do\n" +
        " Government forces said on Tuesday they had pushed back an attack\n" +
        "on the northern edge of the city, where Rus-\n" +
        "sian jets have struck for days. President Bashar al-\n" +
        "Assad did not comment on the fighting in the Syria-\n" +
        "based rebels' stronghold.\n" +
        "\n" +
        "A second paragraph ends here.\n";

    [Fact]
    public void Joins_hard_wrapped_lines_into_one_paragraph()
    {
        var cleaned = TestPipeline.Cleaner().Clean(PdfLike);
        Assert.Contains("pushed back an attack on the northern edge of the city", cleaned.Text);
        Assert.DoesNotContain("attack\non", cleaned.Text);
        Assert.Contains("\n\nA second paragraph ends here.", cleaned.Text);
    }

    [Fact]
    public void Drops_layout_hyphens_and_keeps_word_hyphens()
    {
        var text = TestPipeline.Cleaner().Clean(PdfLike).Text;
        Assert.Contains("where Russian jets", text);
        Assert.Contains("Bashar al-Assad did", text);
        Assert.Contains("Syria-based rebels", text);
    }

    [Fact]
    public void Sets_a_leading_caption_apart_with_its_truncated_credit()
    {
        var cleaned = TestPipeline.Cleaner().Clean(PdfLike);
        var caption = Assert.Single(cleaned.Captions);
        Assert.Equal("Soldiers walk past a damaged mosque in the old city of Homs. Jane Do", cleaned.Text[caption.Span.Start..caption.Span.End]);
        var credit = Assert.IsType<TextSpan>(caption.Credit);
        Assert.Equal("Jane Do", cleaned.Text[credit.Start..credit.End]);
        Assert.StartsWith("Government forces said", cleaned.Text[(caption.Span.End + 2)..]);
    }

    [Fact]
    public void A_first_line_ending_in_an_ordinary_sentence_is_not_a_caption()
    {
        var cleaned = TestPipeline.Cleaner().Clean("Fighting went on near the town. The\nmonitor said dozens died.\n");
        Assert.Empty(cleaned.Captions);
        Assert.Equal("Fighting went on near the town. The monitor said dozens died.", cleaned.Text);
    }

    [Fact]
    public void Text_without_hard_wraps_keeps_its_paragraphs()
    {
        var cleaned = TestPipeline.Cleaner().Clean("First paragraph is complete.\nSecond paragraph is complete too.\n");
        Assert.Equal("First paragraph is complete.\n\nSecond paragraph is complete too.", cleaned.Text);
    }
}
