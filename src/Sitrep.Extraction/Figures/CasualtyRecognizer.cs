using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Core.Pipeline;
using Sitrep.Extraction.Actors;
using Sitrep.Extraction.Matching;
using Sitrep.Extraction.Places;

namespace Sitrep.Extraction.Figures;

/// <summary>
/// Casualty figures: a number tied to an outcome word ("killed", "wounded", "fled") and
/// usually a victim noun, with sub-figures ("five of them children"), the perpetrator the
/// sentence names ("in Russian air strikes", "by RSF shelling"), the source that reports it
/// (carried over from the previous sentence when this one names none) and its scope.
/// </summary>
public sealed class CasualtyRecognizer : IAnnotator
{
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "km", "kilometres", "kilometers", "miles", "mile", "metres", "meters", "percent", "per", "%", "years", "year",
        "days", "day", "hours", "hour", "minutes", "weeks", "week", "months", "month", "dollars", "euros", "tonnes",
        "tons", "kg", "am", "pm", "times", "villages", "towns", "homes", "houses", "buildings", "vehicles", "drones",
        "missiles", "rockets", "aircraft", "planes", "tanks", "trucks", "bombers", "kilometre", "kilometer", "hectares",
        "camps", "schools", "hospitals", "bases", "points", "locations", "sites", "cities",
        "members", "countries", "nations", "brigades", "units", "ships", "vessels",
    };

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    private static readonly HashSet<string> AttackNouns = new(StringComparer.Ordinal)
    {
        "strikes", "strike", "airstrikes", "airstrike", "air", "shelling", "attack", "attacks", "bombardment",
        "bombing", "bombings", "drone", "drones", "fire", "raid", "raids", "missile", "missiles", "rockets", "forces",
        "troops", "army", "military", "warplanes", "artillery",
    };

    private readonly FigureLexicon _lexicon;
    private readonly PlaceLexicon _places;
    private readonly ActorDictionary _actors;

    public CasualtyRecognizer(FigureLexicon lexicon, PlaceLexicon places, ActorDictionary actors)
    {
        _lexicon = lexicon;
        _places = places;
        _actors = actors;
    }

    public string Name => "casualties";

    public IReadOnlyList<string> Requires => [Layers.Sentences, Layers.Tokens, Layers.Actors, Layers.Attributions];

    public IReadOnlyList<string> Provides => [Layers.Casualties];

    public void Annotate(Document document)
    {
        var folded = FoldedTokens.Of(document);
        string? carried = null;
        int carriedFrom = -10;
        foreach (var sentence in document.Sentences)
        {
            if (document.InCaption(sentence.Start))
            {
                continue;
            }
            var own = SourceOf(document, sentence.Index);
            if (own is not null)
            {
                carried = own;
                carriedFrom = sentence.Index;
            }
            // A source carries over to the next sentence of the same paragraph ("At least 24 civilians have also been killed").
            var source = own ?? (sentence.Index - carriedFrom == 1 && SameParagraph(document, carriedFrom, sentence.Index) ? carried : null);
            var figures = Figures(document, folded, sentence);
            if (figures.Count == 0)
            {
                continue;
            }
            var perpetrator = Perpetrator(document, sentence);
            // "At least 24 civilians have also been killed": a figure told under the previous sentence's toll belongs to it.
            bool underPreviousToll = own is null && source is not null &&
                                     document.Casualties.LastOrDefault() is { Scope: "aggregate" } previous && previous.End <= sentence.Start &&
                                     document.SentenceAt(previous.Start)?.Index == sentence.Index - 1;
            var scope = underPreviousToll || IsAggregate(document, folded, sentence) ? "aggregate" : "event";
            foreach (var (number, outcome, victims) in figures)
            {
                document.Casualties.Add(new CasualtyReport
                {
                    Text = document.SharedSlice(sentence.Span),
                    Start = sentence.Start,
                    End = sentence.End,
                    Outcome = outcome,
                    Count = number.Count,
                    Victims = victims,
                    Perpetrator = outcome is "killed" or "injured" ? perpetrator : null,
                    Source = source,
                    Scope = scope,
                    NumberSpan = number.Span,
                });
            }
        }
    }

    private List<(NumberMention Number, string Outcome, string Victims)> Figures(Document document, FoldedTokens folded, Sentence sentence)
    {
        var tokens = document.Tokens;
        int first = sentence.FirstToken, last = first + sentence.TokenCount - 1;
        var figures = new List<(NumberMention, string, string)>();
        string? lastOutcome = null;
        for (int i = first; i <= last; i++)
        {
            NumberMention? number = NumberParser.ParseAt(document, i, last);
            if (number is null && folded[i] is "a" or "an" or "one" && i + 1 <= last &&
                _lexicon.Victims.LongestAt(document, folded, i + 1) is not null && !folded[i + 1].EndsWith('s'))
            {
                number = new NumberMention(i, 1, tokens[i].Span, new Count(1, 1, null, Qualifier.Exact));
            }
            if (number is null)
            {
                continue;
            }
            int after = number.FirstToken + number.TokenCount;
            if (IsNotACount(document, folded, number, after, last))
            {
                i = after - 1;
                continue;
            }
            // "five of them children", "most of them civilians"
            int victimAt = after;
            bool subFigure = false;
            if (after + 1 <= last && folded[after] == "of" && folded[after + 1] is "them" or "those" or "whom")
            {
                victimAt = after + 2;
                subFigure = true;
            }
            else if (after + 1 <= last && folded[after] == "of" && folded[after + 1] is "its" or "their" or "our" or "his" or "her")
            {
                victimAt = after + 2;
            }
            else if (after <= last && folded[after] == "of")
            {
                victimAt = after + 1;
            }
            // Skip up to two modifiers: "24 Syrian civilians", "three young children".
            string? victims = null;
            int victimEnd = victimAt;
            for (int k = victimAt; k <= Math.Min(last, victimAt + 2) && victims is null; k++)
            {
                if (_lexicon.Victims.LongestAt(document, folded, k) is { } v)
                {
                    victims = v.Value;
                    victimEnd = v.FirstToken + v.TokenCount;
                }
                else if (tokens[k].Kind != TokenKind.Word || _lexicon.Outcomes.LongestAt(document, folded, k) is not null)
                {
                    break;
                }
            }
            // "five of them children", "among them 138 civilians, 380 soldiers": a breakdown shares its total's outcome.
            var outcome = subFigure && lastOutcome is not null
                ? lastOutcome
                : FindOutcome(document, folded, number.FirstToken, victims is null ? after : victimEnd, first, last, victims is not null);
            // "... and 23 more", "and 25 others": the same outcome again.
            if (outcome is null && lastOutcome is not null && (victims is not null || (after <= last && folded[after] is "more" or "others")))
            {
                outcome = lastOutcome;
            }
            if (outcome is null)
            {
                i = after - 1;
                continue;
            }
            lastOutcome = outcome;
            figures.Add((number, outcome, victims ?? "people"));
            i = Math.Max(after, victimEnd) - 1;
        }
        return figures;
    }

    private bool IsNotACount(Document document, FoldedTokens folded, NumberMention number, int after, int last)
    {
        var tokens = document.Tokens;
        var next = after <= last ? folded[after] : "";
        if (Units.Contains(next) || (after <= last && document.Text[tokens[after].Start] == '%'))
        {
            return true;
        }
        var prev = number.FirstToken > 0 ? folded[number.FirstToken - 1] : "";
        if (Months.Contains(next) || Months.Contains(prev) || prev is "no" or "number" or "resolution" or "route" or "highway" or "$")
        {
            return true;
        }
        // A year: "in 2015", "March 2020".
        var c = number.Count;
        return c.Qualifier == Qualifier.Exact && c.Best is >= 1900 and <= 2100 && tokens[number.FirstToken].Kind == TokenKind.Number &&
               !document.Text.Substring(tokens[number.FirstToken].Start, tokens[number.FirstToken].Span.Length).Contains(',');
    }

    /// <summary>The outcome word nearest the figure: after it ("were killed") or before it ("killed 24").</summary>
    private string? FindOutcome(Document document, FoldedTokens folded, int numberStart, int afterFigure, int first, int last, bool hasVictims)
    {
        // "killed more than 70 people ... and wounded over 200": a verb right before the figure governs it.
        for (int k = numberStart - 1; k >= Math.Max(first, numberStart - 2); k--)
        {
            if (_lexicon.Outcomes.LongestAt(document, folded, k) is { } adjacent && adjacent.FirstToken + adjacent.TokenCount == numberStart)
            {
                return adjacent.Value;
            }
        }
        int reachAfter = hasVictims ? 10 : 3;
        for (int k = afterFigure; k <= Math.Min(last, afterFigure + reachAfter); k++)
        {
            // "12 people, two of them children, had been killed": step over the aside.
            if (k == afterFigure && hasVictims && document.Text[document.Tokens[k].Start] == ',')
            {
                int close = k + 1;
                while (close <= Math.Min(last, k + 25) && document.Text[document.Tokens[close].Start] != ',')
                {
                    close++;
                }
                if (close <= last && close <= k + 25 && _lexicon.Outcomes.LongestAt(document, folded, close + 1) is null)
                {
                    for (int j = close + 1; j <= Math.Min(last, close + 6); j++)
                    {
                        if (_lexicon.Outcomes.LongestAt(document, folded, j) is { } late)
                        {
                            return late.Value;
                        }
                    }
                }
            }
            if (_lexicon.Outcomes.LongestAt(document, folded, k) is { } m)
            {
                return m.Value;
            }
            if (k > afterFigure && NumberParser.ParseAt(document, k, last) is { } other && other.FirstToken == k && folded[k] is not ("one" or "a"))
            {
                break;
            }
        }
        int reachBefore = hasVictims ? 6 : 4;
        for (int k = numberStart - 1; k >= Math.Max(first, numberStart - reachBefore); k--)
        {
            if (_lexicon.Outcomes.LongestAt(document, folded, k) is { } m && m.FirstToken + m.TokenCount <= numberStart)
            {
                return m.Value;
            }
        }
        return null;
    }

    private static bool SameParagraph(Document document, int previous, int next) =>
        !document.Text.AsSpan(document.Sentences[previous].End, document.Sentences[next].Start - document.Sentences[previous].End).Contains('\n');

    private string? SourceOf(Document document, int sentenceIndex)
    {
        var candidates = document.Within(document.Attributions, document.Sentences[sentenceIndex].Span).Where(a => a.SentenceIndex == sentenceIndex).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        // A named monitor or ministry is the figure's source; the agency relaying it comes second.
        var best = candidates
            .OrderBy(a => IsAgency(a.Source) ? 1 : 0)
            .ThenBy(a => a.SourceSpan.Start)
            .First();
        return best.Source;
    }

    private bool IsAgency(string source) =>
        _actors.Phrases.Lookup(source).OfType<ReportingSource>().Any(s => s.Kind is "agency" or "broadcaster" or "newspaper");

    /// <summary>"in Russian air strikes", "by RSF shelling", "killed by gunmen".</summary>
    private string? Perpetrator(Document document, Sentence sentence)
    {
        var tokens = document.Tokens;
        int first = sentence.FirstToken, last = first + sentence.TokenCount - 1;
        for (int k = first; k < last; k++)
        {
            var word = document.Text.Substring(tokens[k].Start, tokens[k].Span.Length).ToLowerInvariant();
            if (word is not ("by" or "in" or "from"))
            {
                continue;
            }
            int start = tokens[k + 1].Start;
            var actor = document.IndexOf(document.Actors).StartingBetween(start, start + 12).Select(i => document.Actors[i])
                .FirstOrDefault(a => !a.IsMetonym && a.Type != ActorType.Civilians);
            if (actor is not null && (word == "by" || FollowedByAttack(document, actor.End)))
            {
                return actor.Name;
            }
            for (int j = k + 1; j <= Math.Min(last, k + 3); j++)
            {
                var w = document.Text.Substring(tokens[j].Start, tokens[j].Span.Length);
                if (_places.DemonymCountry(w) is { } country && FollowedByAttack(document, tokens[j].End))
                {
                    return _actors.StateActor("military", country)?.Name;
                }
            }
        }
        return null;
    }

    private static bool FollowedByAttack(Document document, int offset)
    {
        var rest = document.Text.AsSpan(offset, Math.Min(24, document.Text.Length - offset)).ToString().TrimStart().ToLowerInvariant();
        var word = new string(rest.TakeWhile(char.IsLetter).ToArray());
        return AttackNouns.Contains(word);
    }

    private bool IsAggregate(Document document, FoldedTokens folded, Sentence sentence)
    {
        for (int k = sentence.FirstToken; k < sentence.FirstToken + sentence.TokenCount; k++)
        {
            if (_lexicon.AggregateCues.LongestAt(document, folded, k) is not null)
            {
                return true;
            }
        }
        return false;
    }
}
