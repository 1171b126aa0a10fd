using Sitrep.Core.Annotations;

namespace Sitrep.Tests.Extraction;

/// <summary>The lexical and clause layers, and the event and speaker rules that read them, on sentences written for these tests.</summary>
public class LexicalLayerTests
{
    private static List<Event> Current(string text, string published = "2024-05-20") =>
        TestPipeline.Run(text, published).Events.Where(e => e.Timeframe == "current").ToList();

    [Fact]
    public void Every_token_gets_a_lexeme_with_lemma_and_part_of_speech()
    {
        var doc = TestPipeline.Run("Gunmen shot two farmers and struck the villages near Kaduna.");
        Assert.Equal(doc.Tokens.Count, doc.Lexemes.Count);
        var byWord = doc.Tokens.Select((t, i) => (Word: doc.Slice(t.Span), Lex: doc.Lexemes[i])).ToDictionary(x => x.Word, x => x.Lex);
        Assert.Equal("shoot", byWord["shot"].Lemma);
        Assert.Equal(PartOfSpeech.Verb, byWord["shot"].Pos);
        Assert.Equal("strike", byWord["struck"].Base);
        Assert.Equal("village", byWord["villages"].Lemma);
        Assert.Equal(PartOfSpeech.Noun, byWord["villages"].Pos);
        Assert.Equal(PartOfSpeech.ProperNoun, byWord["Kaduna"].Pos);
        Assert.True(byWord["Gunmen"].Is(LexicalFlags.SentenceStart));
    }

    [Fact]
    public void Quoted_words_are_flagged()
    {
        var doc = TestPipeline.Run("The mayor said \"we have no water\" on Monday.");
        int water = doc.Tokens.FindIndex(t => doc.Slice(t.Span) == "water");
        int mayor = doc.Tokens.FindIndex(t => doc.Slice(t.Span) == "mayor");
        Assert.True(doc.Lexemes[water].Is(LexicalFlags.InQuote));
        Assert.False(doc.Lexemes[mayor].Is(LexicalFlags.InQuote));
    }

    [Fact]
    public void Coordinated_and_relative_clauses_are_split()
    {
        var doc = TestPipeline.Run("Militants attacked the post, which guards the bridge, and soldiers returned fire; two died.");
        Assert.True(doc.Clauses.Count >= 3, string.Join(" | ", doc.Clauses.Select(c => doc.Slice(c.Span))));
        Assert.All(doc.Clauses, c => Assert.InRange(c.TokenCount, 1, doc.Tokens.Count));
        // Clauses tile each sentence: no token lost, none twice.
        Assert.Equal(doc.Tokens.Count, doc.Clauses.Sum(c => c.TokenCount));
    }

    [Theory]
    [InlineData("Gunmen fired on a police post in Kaduna, Nigeria, on Sunday.")]
    [InlineData("Gunmen are firing on a police post in Kaduna, Nigeria, on Sunday.")]
    [InlineData("A police post in Kaduna, Nigeria, was fired on by gunmen on Sunday.")]
    // The lexicon lists only "raided": "raiding" and "raids" are its inflections.
    [InlineData("Gunmen raiding a police post in Kaduna, Nigeria, on Sunday met resistance.")]
    public void Inflections_outside_the_lexicon_match_by_lemma(string text)
    {
        Assert.NotEmpty(Current(text));
    }

    [Fact]
    public void A_date_in_May_is_no_modal_may()
    {
        var events = Current("On 5 May, gunmen attacked a convoy near Kaduna in Nigeria.");
        var e = Assert.Single(events);
        Assert.Equal("2024-05-05", e.Date?.Start);
    }

    [Fact]
    public void The_modal_may_still_makes_a_future()
    {
        Assert.Empty(Current("Officials fear that gunmen may attack a convoy near Kaduna in Nigeria."));
    }

    [Theory]
    [InlineData("There was no fighting in Kaduna in Nigeria on Sunday.")]
    [InlineData("Soldiers did not shell Kaduna in Nigeria on Sunday.")]
    public void Negated_events_are_not_coded(string text)
    {
        Assert.Empty(Current(text));
    }

    [Fact]
    public void Negation_of_the_toll_keeps_the_event()
    {
        Assert.NotEmpty(Current("No one was hurt when a drone strike hit a depot in Kaduna in Nigeria on Sunday."));
    }

    [Fact]
    public void Negation_in_another_clause_does_not_reach_the_trigger()
    {
        Assert.NotEmpty(Current("The army did not comment, but gunmen attacked a convoy near Kaduna in Nigeria on Sunday."));
    }

    [Fact]
    public void Two_types_in_two_clauses_are_two_events_and_one_clause_gives_one()
    {
        var two = Current("Gunmen ambushed a convoy near Kaduna in Nigeria on Sunday, and police arrested 12 suspects.");
        Assert.Contains(two, e => e.SubEventType == "arrests");
        Assert.Equal(2, two.Count);
        Assert.Single(Current("A drone strike hit a fuel depot near Kaduna in Nigeria on Sunday, killing three guards in the attack."));
    }

    [Fact]
    public void Habitual_attacks_are_background()
    {
        Assert.Empty(Current("Gunmen have repeatedly attacked villages near Kaduna in Nigeria."));
    }

    [Theory]
    [InlineData("The governor has said that the curfew stays.", "governor")]
    [InlineData("The governor also told reporters that the curfew stays.", "governor")]
    [InlineData("Police spokesman Musa Bala later described the scene as calm.", "Musa Bala")]
    public void Speakers_are_read_through_auxiliaries_adverbs_and_inflected_speech_verbs(string text, string speaker)
    {
        var doc = TestPipeline.Run(text);
        Assert.Contains(doc.Statements, s => s.Speaker.Contains(speaker, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_negated_speech_verb_is_no_statement()
    {
        Assert.Empty(TestPipeline.Run("The group did not comment on the report.").Statements);
    }

    [Fact]
    public void A_quoted_anonymous_speaker_speaks_and_a_year_is_no_figure()
    {
        var doc = TestPipeline.Run("\"We have no beds left,\" a medical source said. Officials said in 2024 the road was closed.");
        Assert.Equal(2, doc.Statements.Count);
    }
}
