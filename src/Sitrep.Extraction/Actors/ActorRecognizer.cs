using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Core.Pipeline;
using Sitrep.Extraction.Matching;

namespace Sitrep.Extraction.Actors;

/// <summary>
/// Actor mentions: named groups and state forces from the dictionary, seats of power as
/// governments, and generic phrases ("government troops", "jihadists", "gunmen") resolved
/// against the focus country and the groups the text ties them to ("rebels led by HTS").
/// Reporting sources are left to attribution: a war monitor is never a combatant.
/// </summary>
public sealed class ActorRecognizer : IAnnotator
{
    private static readonly HashSet<string> DescribedNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "organisation", "organization", "attack", "attacks", "group", "groups", "cell", "cells", "threat", "activity",
        "designation", "list", "act", "acts", "violence", "insurgency", "ideology", "propaganda", "financing",
    };

    private readonly ActorDictionary _dictionary;

    public ActorRecognizer(ActorDictionary dictionary)
    {
        _dictionary = dictionary;
    }

    public string Name => "actors";

    public IReadOnlyList<string> Requires => [Layers.Sentences, Layers.Tokens, Layers.Places];

    public IReadOnlyList<string> Provides => [Layers.Actors];

    public void Annotate(Document document)
    {
        var folded = FoldedTokens.Of(document);
        var matches = _dictionary.Phrases.FindAll(document, folded)
            .Where(m => !InCredit(document, m.Span))
            .ToList();
        var named = new List<ActorMention>();
        var generic = new List<PhraseMatch<ActorEntry>>();
        foreach (var m in matches)
        {
            switch (m.Value)
            {
                case NamedActor n:
                    named.Add(Mention(document, m.Span, n.Actor));
                    break;
                case Metonym metonym when metonym.IsSeat && !Covered(document, m.Span):
                    if (_dictionary.StateActor("government", metonym.Country) is { } government && !IsPlaceUse(document, m))
                    {
                        named.Add(Mention(document, m.Span, government, metonym: true));
                    }
                    break;
                case GenericActor:
                    generic.Add(m);
                    break;
                case ReportingSource { Kind: "un" } un:
                    // UN missions and agencies report, but they are also parties (peacekeepers, mediators).
                    named.Add(Mention(document, m.Span, new Actor(un.Name, ActorType.ExternalForces, null)));
                    break;
            }
        }
        named.AddRange(Coordinated(document, matches));
        named.AddRange(Backers(document));
        document.Actors.AddRange(named);
        foreach (var m in generic)
        {
            // "a terrorist organisation", "militant attacks": the word describes, it does not name an actor.
            if (m.FirstToken + m.TokenCount < document.Tokens.Count &&
                DescribedNouns.Contains(document.Text.Substring(document.Tokens[m.FirstToken + m.TokenCount].Start,
                    document.Tokens[m.FirstToken + m.TokenCount].Span.Length)))
            {
                continue;
            }
            // "RSF fighters", "HTS militants", "The MNDAA, a Kokang ethnic armed group": the generic words name the group just named.
            if (named.Any(n => n.End <= m.Span.Start && Apposed(document.Text[n.End..m.Span.Start]) && n.Type != ActorType.Civilians &&
                               !n.IsMetonym && n.Name != _dictionary.StateActor("government", n.Country)?.Name))
            {
                continue;
            }
            var g = (GenericActor)m.Value;
            var actor = Resolve(document, g, m);
            if (actor is not null)
            {
                document.Actors.Add(Mention(document, m.Span, actor));
            }
        }
        document.Actors.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>"The Russian and Syrian air forces": the first demonym shares the second's force.</summary>
    private IEnumerable<ActorMention> Coordinated(Document document, List<PhraseMatch<ActorEntry>> matches)
    {
        foreach (var m in matches)
        {
            if (m.Value is not NamedActor { Role: "military" or "police" or "government" } named || m.FirstToken < 2)
            {
                continue;
            }
            var and = document.Tokens[m.FirstToken - 1];
            var first = document.Tokens[m.FirstToken - 2];
            if (document.Text.Substring(and.Start, and.Span.Length) != "and")
            {
                continue;
            }
            var demonym = document.Text.Substring(first.Start, first.Span.Length);
            var country = _dictionary.Countries.Values.FirstOrDefault(c => c.Demonyms.Contains(demonym, StringComparer.Ordinal));
            if (country is not null && _dictionary.StateActor(named.Role, country.Iso2) is { } actor)
            {
                yield return Mention(document, first.Span, actor);
            }
        }
    }

    /// <summary>"Iran-backed", "Russian-brokered", "Turkish-supported": the backer's government is an actor.</summary>
    private IEnumerable<ActorMention> Backers(Document document)
    {
        foreach (var t in document.Tokens)
        {
            if (t.Kind != TokenKind.Word || !char.IsUpper(document.Text[t.Start]))
            {
                continue;
            }
            var word = document.Text.Substring(t.Start, t.Span.Length);
            int dash = word.LastIndexOf('-');
            if (dash <= 0 || word[(dash + 1)..] is not ("backed" or "brokered" or "supported" or "sponsored" or "funded" or "armed" or "allied" or "aligned" or "mediated"))
            {
                continue;
            }
            var head = word[..dash];
            var country = _dictionary.Countries.Values.FirstOrDefault(c =>
                c.Name == head || c.Demonyms.Contains(head, StringComparer.Ordinal) || c.Aliases.Contains(head, StringComparer.Ordinal));
            if (country is not null && _dictionary.StateActor("government", country.Iso2) is { } actor)
            {
                yield return Mention(document, new TextSpan(t.Start, t.Start + dash), actor);
            }
        }
    }

    private static readonly HashSet<string> AircraftWords = new(StringComparer.Ordinal)
    {
        "warplanes", "warplane", "jets", "fighter jets", "aircraft", "drones", "bombers", "helicopters", "missile boats", "warships",
    };

    /// <summary>The state force named first in the report's lead, outside captions: whose strikes the story is about.</summary>
    private Actor? Protagonist(Document document)
    {
        var lead = document.Sentences.FirstOrDefault(s => !document.InCaption(s.Start));
        if (lead is null)
        {
            return null;
        }
        var folded = FoldedTokens.Of(document);
        for (int k = lead.FirstToken; k < lead.FirstToken + lead.TokenCount; k++)
        {
            if (_dictionary.Phrases.LongestAt(document, folded, k) is { Value: NamedActor { Role: "military" } force })
            {
                return force.Actor;
            }
        }
        return null;
    }

    private static bool Apposed(string between)
    {
        var gap = between.Trim();
        if (gap.Length == 0)
        {
            return true;
        }
        if (!gap.StartsWith(',') || gap.Contains('.'))
        {
            return false;
        }
        var words = gap[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 4 && words.Length > 0 && words[0] is "a" or "an" or "the";
    }

    private Actor? Resolve(Document document, GenericActor generic, PhraseMatch<ActorEntry> match)
    {
        var country = document.FocusCountry;
        switch (generic.Role)
        {
            case "military" when AircraftWords.Contains(document.Slice(match.Span).ToLowerInvariant()) && Protagonist(document) is { } striker:
                // "Warplanes struck ..." in a story led by "Israel's military said it carried out strikes": that force's aircraft.
                return striker;
            case "military" or "police" or "government" or "civilians" or "protesters" or "rioters":
                return _dictionary.StateActor(generic.Role, country);
            case "rebels":
                return TiedGroup(document, match.Span, generic.Role) ?? _dictionary.StateActor("rebels", country) ?? UnidentifiedGroup(country);
            case "militia":
                return TiedGroup(document, match.Span, generic.Role) ?? UnidentifiedGroup(country);
            default:
                return UnidentifiedGroup(country);
        }
    }

    /// <summary>The named non-state group the text ties a generic phrase to: the same sentence first, then the document's most named.</summary>
    private static Actor? TiedGroup(Document document, TextSpan span, string role)
    {
        bool Fits(ActorMention a) => !a.IsMetonym && a.Type is ActorType.RebelGroup or ActorType.PoliticalMilitia or ActorType.IdentityMilitia or ActorType.ExternalForces &&
                                     (role == "rebels" ? a.Type == ActorType.RebelGroup : a.Type != ActorType.RebelGroup);
        var sentence = document.SentenceAt(span.Start);
        var inSentence = document.Actors.Where(a => Fits(a) && sentence is not null && sentence.Span.Contains(a.Start)).ToList();
        if (inSentence.Count > 0)
        {
            return inSentence.OrderBy(a => Math.Abs(a.Start - span.Start)).First().Actor;
        }
        return document.Actors.Where(Fits).GroupBy(a => a.Name).OrderByDescending(g => g.Count())
            .ThenBy(g => g.First().Start).Select(g => g.First().Actor).FirstOrDefault();
    }

    private Actor UnidentifiedGroup(string? country) =>
        _dictionary.StateActor("unidentified", country) ?? new Actor("Unidentified Armed Group", ActorType.PoliticalMilitia, null);

    private static bool Covered(Document document, TextSpan span) =>
        document.Actors.Any(a => a.Span.Overlaps(span)) || document.Places.Any(p => p.Span.Overlaps(span));

    /// <summary>A capital after "in", "to", "from" is where something happens, not who acts.</summary>
    private static bool IsPlaceUse(Document document, PhraseMatch<ActorEntry> m)
    {
        if (m.FirstToken == 0)
        {
            return false;
        }
        var prev = document.Tokens[m.FirstToken - 1];
        var word = document.Text.Substring(prev.Start, prev.Span.Length).ToLowerInvariant();
        return word is "in" or "to" or "from" or "into" or "near" or "at" or "outside" or "around" or "across" or "throughout" or "inside" or "over";
    }

    private static bool InCredit(Document document, TextSpan span) =>
        document.Captions.Any(c => c.Credit is TextSpan credit && credit.Overlaps(span));

    private static ActorMention Mention(Document document, TextSpan span, Actor actor, bool metonym = false) => new()
    {
        Text = document.Slice(span),
        Start = span.Start,
        End = span.End,
        Name = actor.Name,
        Type = actor.Type,
        Country = actor.Country,
        IsMetonym = metonym,
    };
}
