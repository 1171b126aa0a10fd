using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Extraction.Figures;
using Sitrep.Extraction.Segmentation;

namespace Sitrep.Tests.Extraction;

public class NumberParserTests
{
    private static Count Parse(string phrase)
    {
        var document = new Document(phrase + " people", new DocumentMetadata());
        new SentenceSegmenter(TestPipeline.Resources.Abbreviations).Annotate(document);
        var number = NumberParser.ParseAt(document, 0, document.Tokens.Count - 1);
        Assert.NotNull(number);
        return number.Count;
    }

    [Theory]
    [InlineData("242", 242, 242, null, Qualifier.Exact)]
    [InlineData("1,210", 1210, 1210, null, Qualifier.Exact)]
    [InlineData("twenty-four", 24, 24, null, Qualifier.Exact)]
    [InlineData("a dozen", 12, 12, null, Qualifier.Exact)]
    [InlineData("dozens of", 12, 12, null, Qualifier.Vague)]
    [InlineData("several dozen", 12, 12, null, Qualifier.Vague)]
    [InlineData("tens of thousands of", 10000, 10000, null, Qualifier.Vague)]
    [InlineData("hundreds of", 100, 100, null, Qualifier.Vague)]
    [InlineData("thousands of", 1000, 1000, null, Qualifier.Vague)]
    [InlineData("at least 24", 24, 24, null, Qualifier.AtLeast)]
    [InlineData("more than 100", 100, 100, null, Qualifier.AtLeast)]
    [InlineData("over 100", 100, 100, null, Qualifier.AtLeast)]
    [InlineData("nearly 50", 50, 50, null, Qualifier.About)]
    [InlineData("some 280,000", 280000, 280000, null, Qualifier.About)]
    [InlineData("up to 170", 170, 170, 170, Qualifier.AtMost)]
    [InlineData("between 10 and 15", 10, 10, 15, Qualifier.Range)]
    [InlineData("2.5 million", 2500000, 2500000, null, Qualifier.Exact)]
    [InlineData("more than 12 million", 12000000, 12000000, null, Qualifier.AtLeast)]
    public void Reads_counts_as_the_annotation_guide_codes_them(string phrase, int best, int low, int? high, string qualifier)
    {
        Assert.Equal(new Count(best, low, high, qualifier), Parse(phrase));
    }
}
