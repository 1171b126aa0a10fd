using Sitrep.Core.Annotations;
using Sitrep.Extraction;
using Sitrep.Extraction.Events;
using Sitrep.Ingest;
using Sitrep.Semantic;

namespace Sitrep.Tests.Semantic;

public class EventClassifierTests
{
    /// <summary>A classifier that gives one fixed answer and records what it was asked.</summary>
    private sealed class Fixed(string label, float confidence) : IEventClassifier
    {
        public List<string> Asked { get; } = [];

        public IReadOnlyList<(string Label, float Confidence)> Classify(IReadOnlyList<string> passages)
        {
            Asked.AddRange(passages);
            return passages.Select(_ => (label, confidence)).ToList();
        }
    }

    private static Sitrep.Core.Document Run(string text, IEventClassifier? classifier)
    {
        var factory = new DocumentFactory(TestPipeline.Cleaner(), new DateOnly(2024, 11, 29));
        return SitrepPipeline.Create(TestPipeline.Resources, classifier).Run(factory.Create(new RawReport("t", "t.txt", text)));
    }

    [Fact]
    public void Only_sentences_with_a_trigger_or_a_toll_are_classified_in_one_batch()
    {
        var classifier = new Fixed("suicide_bomb", 0.99f);
        var doc = Run("The mayor opened a new library in Homs on Monday. A suicide bomber blew herself up in Homs in Syria on Friday. " +
                      "Two people were killed, residents said.", classifier);
        Assert.Equal(2, classifier.Asked.Count);
        Assert.DoesNotContain(classifier.Asked, s => s.Contains("library", StringComparison.Ordinal));
        Assert.Equal(2, doc.EventClasses.Count);
    }

    [Fact]
    public void A_confident_trigger_keeps_its_sub_type_against_an_unsure_classifier()
    {
        var doc = Run("A suicide bomber blew herself up in Homs in Syria on Friday.", new Fixed("grenade", 0.6f));
        var e = Assert.Single(doc.Events);
        Assert.Equal("suicide_bomb", e.SubEventType);
        Assert.Equal(DecidedBy.Rules, e.DecidedBy);
    }

    [Fact]
    public void Agreement_is_recorded()
    {
        var e = Assert.Single(Run("A suicide bomber blew herself up in Homs in Syria on Friday.", new Fixed("suicide_bomb", 0.9f)).Events);
        Assert.Equal(DecidedBy.Both, e.DecidedBy);
    }

    [Fact]
    public void A_weak_trigger_takes_the_classifier_sub_type_and_its_event_type()
    {
        var rules = Assert.Single(Run("Gunmen attacked a village near Homs in Syria on Friday.", null).Events);
        var learned = Assert.Single(Run("Gunmen attacked a village near Homs in Syria on Friday.", new Fixed("armed_clash", 0.7f)).Events);
        Assert.NotEqual("armed_clash", rules.SubEventType);
        Assert.Equal("armed_clash", learned.SubEventType);
        Assert.Equal("battles", learned.EventType);
        Assert.Equal(DecidedBy.Classifier, learned.DecidedBy);
    }

    [Fact]
    public void A_sure_classifier_finds_an_event_the_rules_have_no_word_for()
    {
        const string text = "Two rebel factions signed a document in Kidal in Mali on Friday.";
        Assert.Empty(Run(text, null).Events);
        var e = Assert.Single(Run(text, new Fixed("agreement", 0.9f)).Events);
        Assert.Equal("agreement", e.SubEventType);
        Assert.Equal("ML", e.Location?.Country);
        Assert.Equal(DecidedBy.Classifier, e.DecidedBy);
    }

    [Fact]
    public void An_unsure_classifier_adds_no_event()
    {
        Assert.DoesNotContain(Run("Two rebel factions signed a document in Kidal in Mali on Friday.", new Fixed("agreement", 0.5f)).Events,
            e => e.DecidedBy == DecidedBy.Classifier);
    }

    [Fact]
    public void A_sure_none_silences_a_weak_trigger_but_not_a_strong_one()
    {
        Assert.Empty(Run("Gunmen attacked a village near Homs in Syria on Friday.", new Fixed(EventClass.None, 0.95f)).Events);
        Assert.Single(Run("A suicide bomber blew herself up in Homs in Syria on Friday.", new Fixed(EventClass.None, 0.95f)).Events);
    }
}
