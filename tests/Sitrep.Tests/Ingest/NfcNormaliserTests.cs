using Sitrep.Ingest.Readers;

namespace Sitrep.Tests.Ingest;

public class NfcNormaliserTests
{
    [Theory]
    [InlineData("Donets\u0301k", "Donetśk")]
    [InlineData("\u0110a\u0300 Na\u0306\u0303ng", "Đà Nẵng")]
    [InlineData("e\u0323\u0302", "\u1EC7")]
    [InlineData("e\u0302\u0323", "\u1EC7")]
    [InlineData("\u00EA\u0323", "\u1EC7")]
    [InlineData("\u1112\u1161\u11AB", "\uD55C")]
    [InlineData("\u1F71\u03B8\u03AE\u03BD\u03B1", "\u03AC\u03B8\u03AE\u03BD\u03B1")]
    [InlineData("\u212B", "\u00C5")]
    [InlineData("\u0995\u09C7\u09BE", "\u0995\u09CB")]
    public void ComposesToNfc(string input, string expected)
    {
        Assert.Equal(expected, NfcNormaliser.Normalise(input));
    }

    [Fact]
    public void TextAlreadyInNfcIsReturnedAsIs()
    {
        const string text = "Kramatorsk — “two killed”, officials said; Ελλάδα; 서울; القدس";

        Assert.Same(text, NfcNormaliser.Normalise(text));
    }

    [Fact]
    public void MarksWithoutAComposedFormStayAfterTheComposedBase()
    {
        Assert.Equal("\u00E1\u0331", NfcNormaliser.Normalise("a\u0331\u0301"));
    }
}
