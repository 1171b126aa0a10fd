using Sitrep.Core;
using Sitrep.Extraction.Segmentation;

namespace Sitrep.Tests.Extraction;

public class SegmentationTests
{
    private static List<string> Sentences(string text)
    {
        var document = new Document(text, new DocumentMetadata());
        new SentenceSegmenter(TestPipeline.Resources.Abbreviations).Annotate(document);
        return document.Sentences.Select(s => document.Slice(s.Span)).ToList();
    }

    [Fact]
    public void Abbreviations_initials_and_numbers_do_not_end_sentences()
    {
        var sentences = Sentences(
            "Lt. Col. Ahmed Omar of the U.S. Army met Gen. Smith at Camp No. 5 on Friday. J. R. Doe was there. It rained.");
        Assert.Equal(
            ["Lt. Col. Ahmed Omar of the U.S. Army met Gen. Smith at Camp No. 5 on Friday.", "J. R. Doe was there.", "It rained."],
            sentences);
    }

    [Fact]
    public void Quotes_close_the_sentence_they_end()
    {
        var sentences = Sentences("\"We will restore order.\" The spokesman said so. He left.");
        Assert.Equal(["\"We will restore order.\"", "The spokesman said so.", "He left."], sentences);
    }

    [Fact]
    public void US_ends_a_sentence_before_an_obvious_opener()
    {
        var sentences = Sentences("The group was designated by the U.S. The designation came in 2018.");
        Assert.Equal(2, sentences.Count);
    }

    [Fact]
    public void Tokens_carry_offsets_that_point_at_their_text()
    {
        var text = "Hay'at Tahrir al-Sham (HTS) killed 1,210 people.";
        var document = new Document(text, new DocumentMetadata());
        new SentenceSegmenter(TestPipeline.Resources.Abbreviations).Annotate(document);
        var words = document.Tokens.Select(t => text[t.Start..t.End]).ToList();
        Assert.Equal(["Hay'at", "Tahrir", "al-Sham", "(", "HTS", ")", "killed", "1,210", "people", "."], words);
    }
}
