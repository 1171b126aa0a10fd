using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Core.Pipeline;
using Sitrep.Extraction.Actors;
using Sitrep.Extraction.Lexical;
using Sitrep.Extraction.Matching;

namespace Sitrep.Extraction.Attribution;

/// <summary>
/// Who says what. Finds "according to X", "X said", "X, a spokesman, said" and ", said X". A news
/// agency, monitor or anonymous source that only gives figures is a source; a person, government,
/// force or group that speaks is a statement's speaker, with role and organisation ("Kremlin
/// spokesman Dmitry Peskov"). Quoted speech is direct. "He said" and a bare surname resolve to
/// the person last named; one speaker is one statement.
/// </summary>
public sealed class AttributionRecognizer : IAnnotator
{
    private static readonly HashSet<string> ReportOnlyKinds = new(StringComparer.Ordinal)
    {
        "agency", "broadcaster", "newspaper", "state_media", "monitor", "un", "other",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "it", "they", "we", "i",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "its", "his", "her", "their", "our",
    };

    private readonly ActorDictionary _dictionary;
    private readonly SpeakerLexicon _lexicon;
    private readonly Lexicon _words;

    public AttributionRecognizer(ActorDictionary dictionary, SpeakerLexicon lexicon, Lexicon words)
    {
        _dictionary = dictionary;
        _lexicon = lexicon;
        _words = words;
    }

    public string Name => "attribution";

    public IReadOnlyList<string> Requires => [Layers.Sentences, Layers.Tokens, Layers.Lexemes, Layers.Actors];

    public IReadOnlyList<string> Provides => [Layers.Attributions, Layers.Statements];

    private sealed record Speaker(string Name, string? Role, string? Organization, string? Country, bool IsPerson, bool ReportOnly,
        bool IsSeat = false);

    public void Annotate(Document document)
    {
        var folded = FoldedTokens.Of(document);
        Speaker? lastPerson = null;
        Speaker? lastSpeaker = null;
        var speakers = new List<Speaker>();
        var statements = new List<(Speaker Speaker, Statement Statement)>();
        foreach (var sentence in document.Sentences)
        {
            if (document.InCaption(sentence.Start))
            {
                continue;
            }
            bool hasFigure = HasFigure(document, sentence);
            bool quoted = HasQuote(document.Slice(sentence.Span));
            foreach (var (subject, according) in Subjects(document, sentence))
            {
                var speaker = Identify(document, folded, subject, according, hasFigure, quoted, lastPerson, lastSpeaker, speakers);
                if (speaker is null)
                {
                    continue;
                }
                document.Attributions.Add(new Core.Annotations.Attribution(sentence.Span, subject, speaker.Name,
                    sentence.Index, !speaker.ReportOnly));
                if (speaker.ReportOnly)
                {
                    continue;
                }
                if (speaker.IsPerson)
                {
                    lastPerson = speaker;
                }
                lastSpeaker = speaker;
                speakers.Add(speaker);
                var text = document.Slice(sentence.Span);
                statements.Add((speaker, new Statement
                {
                    Speaker = speaker.Name,
                    Role = speaker.Role,
                    Organization = speaker.Organization,
                    Country = speaker.Country,
                    Kind = HasQuote(text) || ClosesQuote(text) ? "direct" : "indirect",
                    Text = text,
                    Start = sentence.Start,
                    End = sentence.End,
                }));
            }
        }
        // One speaker, one statement: the first, upgraded to direct when any of theirs is quoted.
        foreach (var group in statements.GroupBy(s => s.Speaker.IsPerson ? s.Speaker.Name : s.Speaker.Organization ?? s.Speaker.Name))
        {
            var first = group.First().Statement;
            bool direct = group.Any(s => s.Statement.Kind == "direct");
            // A person by their fullest name; a body by its seat ("the Kremlin"), else its own name, else as first written.
            var name = group.First().Speaker.IsPerson
                ? group.Select(s => s.Speaker.Name).OrderByDescending(n => n.Length).First()
                : group.OrderBy(s => s.Speaker.IsSeat ? 0 : s.Speaker.Name == s.Speaker.Organization ? 1 : 2).First().Speaker.Name;
            document.Statements.Add(new Statement
            {
                Speaker = name,
                Role = group.Select(s => s.Speaker.Role).FirstOrDefault(r => r is not null),
                Organization = first.Organization,
                Country = first.Country,
                Kind = direct ? "direct" : "indirect",
                Text = first.Text,
                Start = first.Start,
                End = first.End,
            });
        }
    }

    private static bool HasFigure(Document document, Sentence sentence)
    {
        for (int k = sentence.FirstToken; k < sentence.FirstToken + sentence.TokenCount; k++)
        {
            // A year dates what is said; it is not a figure.
            if (document.Tokens[k].Kind == TokenKind.Number && !IsYear(document.Slice(document.Tokens[k].Span)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsYear(string number) => number.Length == 4 && int.TryParse(number, out var y) && y is >= 1900 and <= 2100;

    /// <summary>The phrases that say who speaks in a sentence.</summary>
    private IEnumerable<(TextSpan Subject, bool According)> Subjects(Document document, Sentence sentence)
    {
        var tokens = document.Tokens;
        int first = sentence.FirstToken, last = sentence.FirstToken + sentence.TokenCount - 1;
        string W(int k) => document.Text.Substring(tokens[k].Start, tokens[k].Span.Length);
        bool IsComma(int k) => k >= first && k <= last && W(k) == ",";
        for (int k = first; k <= last; k++)
        {
            var word = W(k).ToLowerInvariant();
            if (word == "according" && k + 1 <= last && W(k + 1) == "to")
            {
                int end = k + 2;
                while (end <= last && tokens[end].Kind != TokenKind.Punctuation && W(end) is not ("and" or "who" or "which" or "that"))
                {
                    end++;
                }
                if (end > k + 2)
                {
                    yield return (new TextSpan(tokens[k + 2].Start, tokens[end - 1].End), true);
                }
                continue;
            }
            var lex = document.Lexemes[k];
            if (!lex.IsVerbal || !_lexicon.IsSpeechVerb(lex.Lemma) || InsideQuote(document, sentence, tokens[k].Start))
            {
                continue;
            }
            // "X said", "X has also told", "X, a spokesman, later said": the noun phrase before the verb and its auxiliaries and adverbs.
            int end1 = k - 1;
            bool negated = false;
            while (end1 > first && (document.Lexemes[end1].Pos is PartOfSpeech.Auxiliary or PartOfSpeech.Adverb ||
                                    _words.FunctionClass(document.Lexemes[end1].Lower) is "auxiliary" or "negator"))
            {
                negated |= _words.FunctionClass(document.Lexemes[end1].Lower) == "negator";
                end1--;
            }
            // "The group did not comment": nothing was said.
            if (negated)
            {
                continue;
            }
            if (IsComma(end1))
            {
                end1--;
            }
            int start = end1;
            // Inside an apposition ("Khalid al-Aleisir, the culture and information minister, said") "and" joins words.
            bool apposition = IsComma(k - 1);
            while (start - 1 >= first && (!IsBoundary(document, start - 1) || (apposition && W(start - 1) == "and")))
            {
                start--;
            }
            if (IsComma(start - 1) && IsComma(k - 1) && start - 2 >= first)
            {
                // An apposition: extend over the phrase before the first comma.
                int outer = start - 2;
                while (outer - 1 >= first && !IsBoundary(document, outer - 1))
                {
                    outer--;
                }
                if (outer <= start - 2 && (char.IsUpper(W(start)[0]) || Determiners.Contains(W(start)) || char.IsUpper(W(start - 2)[0])))
                {
                    start = outer;
                }
            }
            // A speech verb that opens the sentence has no subject before it.
            while (start >= first && start <= end1 && _lexicon.IsTime(W(start)))
            {
                start++;
            }
            if (start >= first && start <= end1 && end1 - start < 16)
            {
                var span = new TextSpan(tokens[start].Start, tokens[end1].End);
                if (LooksLikeSpeaker(document, start, end1))
                {
                    yield return (span, false);
                    continue;
                }
            }
            // ", said X." after a quote or clause.
            if (k > first && tokens[k - 1].Kind == TokenKind.Punctuation && k + 1 <= last)
            {
                int s = k + 1, e = s;
                while (e <= last && !IsBoundary(document, e) && W(e) is not ("on" or "in" or "at" or "late" or "early" or "that"))
                {
                    e++;
                }
                if (e > s && LooksLikeSpeaker(document, s, e - 1))
                {
                    yield return (new TextSpan(tokens[s].Start, tokens[e - 1].End), false);
                }
            }
        }
    }

    private static bool IsBoundary(Document document, int k)
    {
        var t = document.Tokens[k];
        if (t.Kind == TokenKind.Punctuation)
        {
            char c = document.Text[t.Start];
            return c is not ('-' or '\'' or '’' or '.');
        }
        var w = document.Text.Substring(t.Start, t.Span.Length).ToLowerInvariant();
        return w is "that" or "and" or "but" or "while" or "as" or "after" or "when" or "which" or "who" or "where" or "also" or "had" or "has" or "have" or "was" or "were" or "is" or "are" or "been" or "will" or "would";
    }

    /// <summary>A speaker phrase ends in a name or a speaker noun ("health officials", "the army command").</summary>
    private bool LooksLikeSpeaker(Document document, int first, int last)
    {
        string W(int k) => document.Text.Substring(document.Tokens[k].Start, document.Tokens[k].Span.Length);
        var head = W(last);
        if (Pronouns.Contains(head) && first == last)
        {
            return true;
        }
        // A phrase that opens with a preposition ("In a statement", "Among them") names no one.
        if (document.Lexemes[first].Pos == PartOfSpeech.Adposition && _words.FunctionClass(document.Lexemes[first].Lower) is null)
        {
            return false;
        }
        for (int k = first; k <= last; k++)
        {
            if (document.Tokens[k].Kind == TokenKind.Number)
            {
                return false;
            }
        }
        bool named = char.IsUpper(head[0]) || head.Any(char.IsUpper) || _lexicon.IsSpeakerNoun(head);
        for (int k = first; k < last && W(k) != ","; k++)
        {
            // A clause, not a name ("aligned with the army"); an apposition after a comma may run on ("head of the mission in Ukraine").
            if (W(k) is "with" or "to" or "in" or "on" or "at" or "by" or "from" or "into" or "over" or "against" or "about")
            {
                return false;
            }
        }
        return named && document.Tokens[first].Kind == TokenKind.Word;
    }

    private Speaker? Identify(Document document, FoldedTokens folded, TextSpan subject, bool according, bool hasFigure, bool quoted,
        Speaker? lastPerson, Speaker? lastSpeaker, List<Speaker> earlier)
    {
        var text = StripArticle(document.Slice(subject));
        if (Pronouns.Contains(text))
        {
            return according ? null : text.ToLowerInvariant() is "he" or "she" ? lastPerson : lastSpeaker;
        }
        // "the ministry", "the group": the speaker last named with that noun.
        if (!text.Contains(' ') && _lexicon.IsSpeakerNoun(text) &&
            earlier.LastOrDefault(e => e.Name.EndsWith(text, StringComparison.OrdinalIgnoreCase)) is { } antecedent)
        {
            return antecedent;
        }
        var entry = BestEntry(document, folded, subject, out var entrySpan);
        var person = PersonName(document, subject, entry is null ? null : entrySpan);
        if (person is not null)
        {
            var (name, role) = person.Value;
            // "Peskov" alone after "Dmitry Peskov": the same person.
            if (lastPerson is not null && name.Split(' ').Length == 1 && lastPerson.Name.EndsWith(" " + name, StringComparison.Ordinal))
            {
                return lastPerson;
            }
            var (organization, country) = Organization(entry);
            return new Speaker(name, role, organization, country, IsPerson: true, ReportOnly: false);
        }
        switch (entry)
        {
            case ReportingSource source:
                // A monitor or agency is a source unless its own words are quoted.
                return new Speaker(source.Name, null, source.Name, source.Country, false,
                    according || (!quoted && (ReportOnlyKinds.Contains(source.Kind) || hasFigure)));
            case NamedActor { Role: "group" } group:
                return new Speaker(group.Actor.Name, null, group.Actor.Name, group.Actor.Country, false, according);
            case NamedActor { Role: "government" } government:
                return new Speaker(government.Actor.Name, null, government.Actor.Name, government.Actor.Country, false, according);
            case NamedActor state:
                // State bodies go by the name the text gives them: "the Israeli military", "Russia's defence ministry".
                return new Speaker(WithDemonym(StripArticle(document.Slice(subject)), state.Actor.Country), null, state.Actor.Name,
                    state.Actor.Country, false, according);
            case Metonym metonym:
                var seatGovernment = _dictionary.StateActor("government", metonym.Country);
                var surface = StripArticle(document.Slice(entrySpan));
                bool seat = metonym.IsSeat && !_dictionary.Country(metonym.Country)!.Seats.Take(1).Contains(surface);
                // "Lebanon's health minister": the office speaks, for the government.
                var speakerName = entrySpan.End < subject.End - 3 ? WithDemonym(text, metonym.Country)
                    : seat ? surface : seatGovernment?.Name ?? surface;
                return new Speaker(speakerName, null, seatGovernment?.Name, metonym.Country, false, according, IsSeat: seat);
            case GenericActor { Role: "government" or "military" or "police" } generic
                when _dictionary.StateActor(generic.Role, document.FocusCountry) is { } resolved:
                // "the government" is the Government of X; "health officials" and "city authorities" stay as written.
                var bare = StripArticle(document.Slice(entrySpan)).ToLowerInvariant() is "government" or "authorities" or "regime" or "junta" or "administration" &&
                           document.Slice(entrySpan).Length >= text.Length - 1;
                var name = generic.Role == "government" && bare ? resolved.Name : WithDemonym(text, resolved.Country);
                // "the army" names the force; "local officials" and "health officials" are anonymous.
                bool whole = document.Slice(entrySpan).Length >= text.Length - 1 && generic.Role != "government";
                bool unnamed = !bare && !whole && !text.Any(char.IsUpper);
                return new Speaker(name, null, resolved.Name, resolved.Country, false, according || (unnamed && hasFigure && !quoted));
        }
        // Anyone who says something speaks ("officials said", "a medical source said"); one who only gives figures is their source.
        return new Speaker(text, null, null, null, false, according || (hasFigure && !quoted));
    }

    /// <summary>"Russia's defence ministry" → "Russian defence ministry"; "army" in a Syria story → "Syrian army".</summary>
    private string WithDemonym(string text, string? country)
    {
        var info = _dictionary.Country(country);
        if (info is null || info.Demonyms.Count == 0)
        {
            return text;
        }
        foreach (var form in new[] { info.Name + "'s ", info.Name + "’s " })
        {
            if (text.StartsWith(form, StringComparison.Ordinal))
            {
                return info.Demonyms[0] + " " + text[form.Length..];
            }
        }
        return char.IsLower(text[0]) && !text.Contains(' ') ? info.Demonyms[0] + " " + text : text;
    }

    private static (string? Organization, string? Country) Organization(ActorEntry? entry) => entry switch
    {
        NamedActor n => (n.Actor.Name, n.Actor.Country),
        ReportingSource r => (r.Name, r.Country),
        _ => (null, null),
    };

    /// <summary>The most telling dictionary entry in the subject: a named group, then a source, a state body, a metonym.</summary>
    private ActorEntry? BestEntry(Document document, FoldedTokens folded, TextSpan subject, out TextSpan span)
    {
        ActorEntry? best = null;
        int bestRank = int.MaxValue;
        span = subject;
        for (int k = document.FirstTokenFrom(subject.Start); k < document.Tokens.Count && document.Tokens[k].Start < subject.End; k++)
        {
            if (document.Tokens[k].End > subject.End)
            {
                continue;
            }
            var match = _dictionary.Phrases.LongestAt(document, folded, k);
            if (match is null || match.Span.End > subject.End)
            {
                continue;
            }
            int rank = match.Value switch
            {
                NamedActor { Role: "group" } => 0,
                ReportingSource => 1,
                NamedActor => 2,
                Metonym => 3,
                GenericActor => 4,
                _ => 9,
            };
            if (rank < bestRank)
            {
                (best, bestRank, span) = (match.Value, rank, match.Span);
            }
            k += match.TokenCount - 1;
        }
        return bestRank == 9 ? null : best;
    }

    /// <summary>A person's name ends the subject: capitalised words after any titles ("Kremlin spokesman Dmitry Peskov").</summary>
    private (string Name, string? Role)? PersonName(Document document, TextSpan subject, TextSpan? entity)
    {
        // "Khalid al-Aleisir, Sudan's information minister": the name may lead an apposition.
        var text = document.Slice(subject);
        int comma = text.IndexOf(',');
        if (comma > 0)
        {
            var head = new TextSpan(subject.Start, subject.Start + comma);
            if (PersonName(document, head, entity) is { } leading)
            {
                var rest = text[(comma + 1)..].Trim();
                return (leading.Name, leading.Role ?? (rest.Length == 0 ? null : StripArticle(rest)));
            }
            var tail = new TextSpan(subject.Start + comma + 1, subject.End);
            while (tail.Start < tail.End && char.IsWhiteSpace(document.Text[tail.Start]))
            {
                tail = tail with { Start = tail.Start + 1 };
            }
            if (PersonName(document, tail, entity) is { } trailing)
            {
                return (trailing.Name, trailing.Role ?? StripArticle(text[..comma].Trim()));
            }
            return null;
        }
        var tokens = new List<Token>();
        for (int k = document.FirstTokenFrom(subject.Start); k < document.Tokens.Count && document.Tokens[k].Start < subject.End; k++)
        {
            if (document.Tokens[k].End <= subject.End && document.Tokens[k].Kind == TokenKind.Word)
            {
                tokens.Add(document.Tokens[k]);
            }
        }
        int n = 0;
        for (int i = tokens.Count - 1; i >= 0; i--)
        {
            var w = document.Text.Substring(tokens[i].Start, tokens[i].Span.Length);
            bool connector = w is "al" or "bin" or "ibn" or "van" or "de" or "der" or "abu" or "el" || w.StartsWith("al-", StringComparison.Ordinal);
            if ((!char.IsUpper(w[0]) && !connector) || _lexicon.IsTitle(w) || _dictionary.Phrases.Lookup(w).Count > 0 && n == 0)
            {
                break;
            }
            n++;
        }
        if (n < 2 || n > 6)
        {
            return null;
        }
        var nameTokens = tokens[^n..];
        var nameSpan = new TextSpan(nameTokens[0].Start, nameTokens[^1].End);
        if (document.IndexOf(document.Places).Overlaps(nameSpan) || document.IndexOf(document.Actors).Overlaps(nameSpan) ||
            entity is TextSpan e && e.Overlaps(nameSpan))
        {
            return null;
        }
        var role = document.Text.Substring(subject.Start, nameSpan.Start - subject.Start).Trim().TrimEnd(',').Trim();
        return (document.Slice(nameSpan), role.Length == 0 ? null : StripArticle(role));
    }

    private static string StripArticle(string text)
    {
        foreach (var article in new[] { "the ", "The ", "a ", "A ", "an ", "An " })
        {
            if (text.StartsWith(article, StringComparison.Ordinal))
            {
                return text[article.Length..];
            }
        }
        return text;
    }

    /// <summary>Quotes run across sentences, so they are counted from the paragraph's start.</summary>
    private static bool InsideQuote(Document document, Sentence sentence, int offset)
    {
        int paragraph = document.Text.LastIndexOf('\n', Math.Max(0, sentence.Start - 1)) + 1;
        var quotes = document.Derived("attribution.quote-marks", QuoteMarks);
        return (CountBefore(quotes, offset) - CountBefore(quotes, paragraph)) % 2 == 1;
    }

    /// <summary>The offsets of the document's quotation marks, so a count between two offsets is two binary searches.</summary>
    private static List<int> QuoteMarks(Document document)
    {
        var marks = new List<int>();
        for (int i = document.Text.IndexOfAny(QuoteChars); i >= 0; i = document.Text.IndexOfAny(QuoteChars, i + 1))
        {
            marks.Add(i);
        }
        return marks;
    }

    private static readonly char[] QuoteChars = ['"', '“', '”'];

    private static int CountBefore(List<int> sorted, int offset)
    {
        int found = sorted.BinarySearch(offset);
        return found >= 0 ? found : ~found;
    }

    /// <summary>The end of a quotation that began in an earlier sentence: 'are children," the mayor wrote'.</summary>
    private static bool ClosesQuote(string text) =>
        (text.Contains(",\"", StringComparison.Ordinal) || text.Contains(",”", StringComparison.Ordinal)) &&
        text.Count(c => c is '"' or '“' or '”') % 2 == 1;

    /// <summary>A quotation of at least four words: direct speech, not a scare-quoted phrase.</summary>
    private static bool HasQuote(string text)
    {
        int open = text.IndexOfAny(['"', '“']);
        if (open < 0)
        {
            return false;
        }
        int close = text.IndexOfAny(['"', '”'], open + 1);
        if (close < 0)
        {
            return false;
        }
        return text[(open + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4;
    }
}
