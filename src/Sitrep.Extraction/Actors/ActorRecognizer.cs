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
        var credits = new SpanIndex(document.Captions.Select(c => c.Credit).OfType<TextSpan>());
        var covered = new SpanIndex(document.Actors.Select(a => a.Span).Concat(document.Places.Select(p => p.Span)));
        var matches = _dictionary.Phrases.FindAll(document, folded)
            .Where(m => !credits.Overlaps(m.Span))
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
                case Metonym metonym when metonym.IsSeat && !covered.Overlaps(m.Span):
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
        var groups = new GroupTally(document);
        var protagonist = new Lazy<Actor?>(() => Protagonist(document));
        var namedByEnd = named.OrderBy(n => n.End).ToList();
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
            if (NamesJustNamed(document, namedByEnd, m.Span.Start))
            {
                continue;
            }
            var g = (GenericActor)m.Value;
            var actor = Resolve(document, g, m, groups, protagonist);
            if (actor is not null)
            {
                var mention = Mention(document, m.Span, actor);
                document.Actors.Add(mention);
                groups.Add(mention);
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

    /// <summary>
    /// Whether a named actor ends just before this offset with only an apposition between. Only the
    /// nearest few can: walking back from the nearest, the gap only grows, and once it holds a full
    /// stop or more words than an apposition has, no earlier actor is apposed either.
    /// </summary>
    private bool NamesJustNamed(Document document, List<ActorMention> namedByEnd, int offset)
    {
        int lo = 0, hi = namedByEnd.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (namedByEnd[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        for (int i = lo - 1; i >= 0; i--)
        {
            var n = namedByEnd[i];
            var gap = document.Text[n.End..offset];
            if (Apposed(gap) && n.Type != ActorType.Civilians && !n.IsMetonym && n.Name != _dictionary.StateActor("government", n.Country)?.Name)
            {
                return true;
            }
            // Room for the comma and white space at either end, which an apposition trims.
            if (gap.Contains('.') || gap.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxAppositionWords + 3)
            {
                return false;
            }
        }
        return false;
    }

    private const int MaxAppositionWords = 4;

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
        return words.Length <= MaxAppositionWords && words.Length > 0 && words[0] is "a" or "an" or "the";
    }

    private Actor? Resolve(Document document, GenericActor generic, PhraseMatch<ActorEntry> match, GroupTally groups, Lazy<Actor?> protagonist)
    {
        var country = document.FocusCountry;
        switch (generic.Role)
        {
            case "military" when AircraftWords.Contains(document.Slice(match.Span).ToLowerInvariant()) && protagonist.Value is { } striker:
                // "Warplanes struck ..." in a story led by "Israel's military said it carried out strikes": that force's aircraft.
                return striker;
            case "military" or "police" or "government" or "civilians" or "protesters" or "rioters":
                return _dictionary.StateActor(generic.Role, country);
            case "rebels":
                return groups.Tied(match.Span, rebels: true) ?? _dictionary.StateActor("rebels", country) ?? UnidentifiedGroup(country);
            case "militia":
                return groups.Tied(match.Span, rebels: false) ?? UnidentifiedGroup(country);
            default:
                return UnidentifiedGroup(country);
        }
    }

    /// <summary>
    /// The named non-state groups of the document so far, by sentence and by name, kept as mentions
    /// are added so that tying a generic phrase to one costs no scan of every mention.
    /// Rebel groups tie "rebels"; militias and foreign forces tie "militia".
    /// </summary>
    private sealed class GroupTally
    {
        private readonly Document _document;
        private readonly Dictionary<(bool Rebels, int Sentence), List<ActorMention>> _bySentence = [];
        private readonly Dictionary<(bool Rebels, string Name), Named> _byName = [];
        private readonly Dictionary<bool, Named> _most = [];

        public GroupTally(Document document)
        {
            _document = document;
            foreach (var a in document.Actors)
            {
                Add(a);
            }
        }

        public void Add(ActorMention a)
        {
            if (a.IsMetonym || a.Type is not (ActorType.RebelGroup or ActorType.PoliticalMilitia or ActorType.IdentityMilitia or ActorType.ExternalForces))
            {
                return;
            }
            bool rebels = a.Type == ActorType.RebelGroup;
            if (_document.SentenceAt(a.Start) is { } sentence)
            {
                if (!_bySentence.TryGetValue((rebels, sentence.Index), out var list))
                {
                    _bySentence[(rebels, sentence.Index)] = list = [];
                }
                list.Add(a);
            }
            if (!_byName.TryGetValue((rebels, a.Name), out var named))
            {
                _byName[(rebels, a.Name)] = named = new Named(a, _byName.Count);
            }
            named.Count++;
            // The most named; on a tie the one named first in the list, as a stable sort by count then start gives.
            if (!_most.TryGetValue(rebels, out var most) || most.IsBehind(named))
            {
                _most[rebels] = named;
            }
        }

        /// <summary>The group the text ties a generic phrase to: the nearest in its sentence, else the document's most named.</summary>
        public Actor? Tied(TextSpan span, bool rebels)
        {
            if (_document.SentenceAt(span.Start) is { } sentence && _bySentence.TryGetValue((rebels, sentence.Index), out var inSentence))
            {
                return inSentence.MinBy(a => Math.Abs(a.Start - span.Start))!.Actor;
            }
            return _most.TryGetValue(rebels, out var most) ? most.First.Actor : null;
        }

        private sealed class Named(ActorMention first, int order)
        {
            public ActorMention First { get; } = first;

            public int Order { get; } = order;

            public int Count { get; set; }

            public bool IsBehind(Named other) =>
                other != this && (other.Count, -other.First.Start, -other.Order).CompareTo((Count, -First.Start, -Order)) > 0;
        }
    }

    private Actor UnidentifiedGroup(string? country) =>
        _dictionary.StateActor("unidentified", country) ?? new Actor("Unidentified Armed Group", ActorType.PoliticalMilitia, null);

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

    private static ActorMention Mention(Document document, TextSpan span, Actor actor, bool metonym = false) => new()
    {
        Text = document.SharedSlice(span),
        Start = span.Start,
        End = span.End,
        Name = actor.Name,
        Type = actor.Type,
        Country = actor.Country,
        IsMetonym = metonym,
    };
}
