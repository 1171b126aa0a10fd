using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Core.Pipeline;
using Sitrep.Extraction.Matching;

namespace Sitrep.Extraction.Events;

/// <summary>
/// Asks the trained classifier about the sentences that could tell an event: those with a
/// trigger lemma or an event-scope casualty figure. Other sentences are never embedded, which
/// keeps the encoder's cost to a few sentences per report; all of a report's candidates go as
/// one batch.
/// </summary>
public sealed class EventClassAnnotator : IAnnotator
{
    private readonly EventLexicon _lexicon;
    private readonly IEventClassifier _classifier;

    public EventClassAnnotator(EventLexicon lexicon, IEventClassifier classifier)
    {
        _lexicon = lexicon;
        _classifier = classifier;
    }

    public string Name => "event_classes";

    public IReadOnlyList<string> Requires => [Layers.Sentences, Layers.Lexemes, Layers.Casualties];

    public IReadOnlyList<string> Provides => [Layers.EventClasses];

    public void Annotate(Document document)
    {
        var lemmas = FoldedTokens.Lemmas(document);
        var candidates = document.Sentences.Where(s => !document.InCaption(s.Start) && IsCandidate(document, lemmas, s)).ToList();
        if (candidates.Count == 0)
        {
            return;
        }
        var labels = _classifier.Classify(candidates.Select(s => document.Slice(s.Span)).ToList());
        for (int i = 0; i < candidates.Count; i++)
        {
            document.EventClasses.Add(new EventClass(candidates[i].Index, labels[i].Label, labels[i].Confidence));
        }
    }

    private bool IsCandidate(Document document, FoldedTokens lemmas, Sentence sentence)
    {
        if (document.Within(document.Casualties, sentence.Span).Any(c => c.Scope == "event"))
        {
            return true;
        }
        int last = sentence.FirstToken + sentence.TokenCount;
        for (int k = sentence.FirstToken; k < last; k++)
        {
            if (_lexicon.Triggers.LongestAt(document, lemmas, k) is { } m && m.Value.Any(t => t.Role != "modifier"))
            {
                return true;
            }
        }
        return false;
    }
}
