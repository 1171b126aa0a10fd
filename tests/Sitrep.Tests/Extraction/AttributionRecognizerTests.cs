namespace Sitrep.Tests.Extraction;

public class AttributionRecognizerTests
{
    [Fact]
    public void Direct_quote_with_role_and_later_surname()
    {
        var doc = TestPipeline.Run(
            "\"We will restore order in the city within days,\" Kremlin spokesman Dmitry Peskov said on Friday. " +
            "Peskov also declined to comment on the fighting in Aleppo in Syria.");
        var statement = Assert.Single(doc.Statements);
        Assert.Equal("Dmitry Peskov", statement.Speaker);
        Assert.Equal("Kremlin spokesman", statement.Role);
        Assert.Equal("direct", statement.Kind);
    }

    [Fact]
    public void Governments_speak_through_their_seats()
    {
        var doc = TestPipeline.Run("Moscow said the strikes in Idlib in Syria had hit only militants.");
        var statement = Assert.Single(doc.Statements);
        Assert.Equal("Government of Russia", statement.Organization);
        Assert.Equal("indirect", statement.Kind);
    }

    [Fact]
    public void Agencies_that_only_report_are_sources_not_speakers()
    {
        var doc = TestPipeline.Run("Rebels seized three villages near Hama in Syria on Monday, AFP reported.");
        Assert.Empty(doc.Statements);
        Assert.Contains(doc.Attributions, a => a.Source == "AFP" && !a.IsSpeaker);
    }

    [Fact]
    public void An_apposed_name_is_the_speaker()
    {
        var doc = TestPipeline.Run("The army's spokesman, Ahmed Khalil, said troops had entered Omdurman in Sudan on Sunday.");
        Assert.Contains(doc.Statements, s => s.Speaker == "Ahmed Khalil");
    }

    [Fact]
    public void A_quote_across_sentences_is_direct_speech_of_whoever_closes_it()
    {
        var doc = TestPipeline.Run(
            "\"The strikes hit homes near Kharkiv in Ukraine. Four of the dead are children,\" regional governor Ivan Petrenko wrote on Telegram.");
        var statement = Assert.Single(doc.Statements);
        Assert.Equal("Ivan Petrenko", statement.Speaker);
        Assert.Equal("direct", statement.Kind);
    }

    [Fact]
    public void A_long_apposition_may_carry_prepositions()
    {
        var doc = TestPipeline.Run(
            "Maria Lopez, head of the UN monitoring mission in Ukraine, said the strike on Kharkiv had hit a school.");
        Assert.Contains(doc.Statements, s => s.Speaker == "Maria Lopez" && s.Role == "head of the UN monitoring mission in Ukraine");
    }

    [Fact]
    public void Anonymous_sources_giving_tolls_are_sources_not_speakers()
    {
        var doc = TestPipeline.Run("At least 10 people were killed in Kharkiv in Ukraine, local officials said.");
        Assert.Empty(doc.Statements);
        Assert.Equal("local officials", Assert.Single(doc.Casualties).Source);
    }
}
