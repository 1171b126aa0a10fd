using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Extraction.Matching;

namespace Sitrep.Extraction.Events;

/// <summary>
/// How the trigger rules and the trained classifier share a sentence: patterns where they are
/// certain, the classifier where they are unsure, disagree, or find nothing.
/// </summary>
public sealed partial class EventRecognizer
{
    private List<Found> Combine(Document document, Sentence sentence, List<Found> rules, EventClass learned)
    {
        if (learned.Label == EventClass.None)
        {
            return learned.Confidence >= _policy.NoneConfidence
                ? rules.Where(f => f.Trigger.Weight > _policy.WeakWeight || f.Trigger.Phrase == TollPhrase).ToList()
                : rules;
        }
        var eventType = EventTaxonomy.EventTypeOf(learned.Label)!;
        if (rules.Count == 0)
        {
            return learned.Confidence >= _policy.NewEventConfidence && Anchor(document, sentence) is { } anchor
                ? [new Found(anchor.Match, new Trigger(anchor.Phrase, eventType, learned.Label, _policy.LearnedWeight, anchor.Role), DecidedBy.Classifier)]
                : rules;
        }
        // The classifier reads the whole sentence; it speaks to the rules' event of its own type, else to the strongest.
        var addressed = rules.FirstOrDefault(f => f.Trigger.EventType == eventType) ?? rules.MaxBy(f => f.Trigger.Weight)!;
        return rules.Select(f => f != addressed || f.Trigger.Phrase == TollPhrase ? f : Retype(f)).ToList();

        Found Retype(Found f)
        {
            if (f.Trigger.SubEventType == learned.Label)
            {
                return f with { DecidedBy = DecidedBy.Both };
            }
            if (f.Trigger.Weight > _policy.WeakWeight && learned.Confidence < _policy.OverrideConfidence)
            {
                return f;
            }
            var trigger = f.Trigger with { EventType = eventType, SubEventType = learned.Label, Weight = Math.Max(f.Trigger.Weight, _policy.LearnedWeight) };
            return f with { Trigger = trigger, DecidedBy = DecidedBy.Classifier };
        }
    }

    /// <summary>
    /// Where an event the rules did not see sits in its sentence, for the sides and the place:
    /// the first trigger word of any weight, else the first full verb outside a speaker's phrase.
    /// </summary>
    private (PhraseMatch<IReadOnlyList<Trigger>> Match, string Phrase, string Role)? Anchor(Document document, Sentence sentence)
    {
        var lemmas = FoldedTokens.Lemmas(document);
        int first = sentence.FirstToken, last = first + sentence.TokenCount;
        for (int k = first; k < last; k++)
        {
            if (_lexicon.Triggers.LongestAt(document, lemmas, k) is { } m && m.Value.FirstOrDefault(t => t.Role != "modifier") is { } t)
            {
                return (m, t.Phrase, t.Role);
            }
        }
        var speakers = SentenceAttributions(document, sentence).SelectMany(a => new[] { a.Span, a.SourceSpan }).ToList();
        for (int k = first; k < last; k++)
        {
            var token = document.Tokens[k];
            if (document.Lexemes[k].Pos == PartOfSpeech.Verb && !speakers.Any(s => s.Contains(token.Start)))
            {
                var span = new TextSpan(token.Start, token.End);
                return (new PhraseMatch<IReadOnlyList<Trigger>>(k, 1, span, []), document.Lexemes[k].Lemma, "verb");
            }
        }
        return null;
    }
}
