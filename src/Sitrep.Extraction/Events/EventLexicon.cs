using Sitrep.Core.Annotations;
using Sitrep.Core.Data;
using Sitrep.Extraction.Lexical;
using Sitrep.Extraction.Matching;
using Sitrep.Gazetteer;

namespace Sitrep.Extraction.Events;

public sealed record Trigger(string Phrase, string EventType, string SubEventType, int Weight, string Role);

/// <summary>
/// Event triggers (data/events/triggers.tsv), keyed by the lexical base of each word so that a
/// row written in one inflection matches them all, and the cues that qualify them
/// (data/events/cues.tsv: background, future, claimed, unconfirmed, denied, negation).
/// </summary>
public sealed class EventLexicon
{
    public static readonly IReadOnlySet<string> CueKinds = new HashSet<string>
    {
        "background", "future", "claimed", "unconfirmed", "denied", "negation", "nonviolent",
    };

    public PhraseIndex<IReadOnlyList<Trigger>> Triggers { get; } = new();

    public PhraseIndex<string> Cues { get; } = new();

    /// <summary>Phrases with a one-word gap ("took * control of"), as folded words with "*" for the gap.</summary>
    public List<(string[] Words, Trigger Trigger)> Wildcards { get; } = [];

    public int TriggerCount { get; private set; }

    public static EventLexicon Load(string triggersTsv, string cuesTsv, Lexicon words)
    {
        var lexicon = new EventLexicon();
        var byPhrase = new Dictionary<string, List<Trigger>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Tsv.Read(triggersTsv, "phrase", "event_type", "sub_event_type", "weight", "role"))
        {
            var eventType = row["event_type"];
            var subType = row["sub_event_type"];
            if (EventTaxonomy.EventTypeOf(subType) != eventType)
            {
                throw row.Error($"'{subType}' is not a sub-event type of '{eventType}'");
            }
            if (!int.TryParse(row["weight"], out var weight) || weight is < 1 or > 10)
            {
                throw row.Error("weight must be 1..10");
            }
            if (row["role"] is not ("verb" or "noun" or "modifier"))
            {
                throw row.Error("role must be verb, noun or modifier");
            }
            if (row["phrase"].Contains('*'))
            {
                var trigger = new Trigger(row["phrase"], eventType, subType, weight, row["role"]);
                lexicon.Wildcards.Add((row["phrase"].Split(' ').Select(w => w == "*" ? w : words.Base(PlaceNameKey.Exact(w))).ToArray(), trigger));
                lexicon.TriggerCount++;
                continue;
            }
            var key = string.Join(' ', PlaceNameKey.Exact(row["phrase"]).Split(' ').Select(words.Base));
            if (!byPhrase.TryGetValue(key, out var list))
            {
                byPhrase[key] = list = [];
            }
            list.Add(new Trigger(PlaceNameKey.Exact(row["phrase"]), eventType, subType, weight, row["role"]));
            lexicon.TriggerCount++;
        }
        foreach (var (phrase, triggers) in byPhrase)
        {
            lexicon.Triggers.Add(phrase, triggers);
        }
        foreach (var row in Tsv.Read(cuesTsv, "phrase", "cue"))
        {
            if (!CueKinds.Contains(row["cue"]))
            {
                throw row.Error($"unknown cue '{row["cue"]}'");
            }
            if (!row["phrase"].Contains('*'))
            {
                lexicon.Cues.Add(row["phrase"], row["cue"]);
            }
        }
        return lexicon;
    }
}
