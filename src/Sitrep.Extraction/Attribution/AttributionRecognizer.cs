using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Core.Pipeline;
using Sitrep.Extraction.Actors;
using Sitrep.Extraction.Matching;

namespace Sitrep.Extraction.Attribution;

/// <summary>
/// Who says what. Finds "according to X", "X said", "said X" and "X reported"; a news agency or
/// monitor that only reports is a source, anyone else who speaks is a statement's speaker
/// (with role and organisation: "Kremlin spokesman Dmitry Peskov"). Quoted speech is direct.
/// "He said" and a bare surname resolve to the last person named.
/// </summary>
public sealed class AttributionRecognizer : IAnnotator
{
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "told", "tells", "reported", "reports", "added", "adds", "stated", "announced",
        "announces", "claimed", "claims", "denied", "denies", "warned", "warns", "confirmed", "confirms", "wrote",
        "posted", "tweeted", "declared", "insisted", "acknowledged", "accused", "urged", "alleged", "noted",
        "explained", "estimated", "estimates", "quoted", "cited", "described", "dismissed", "rejected", "vowed", "hoped",
    };

    private static readonly HashSet<string> ReportOnlyKinds = new(StringComparer.Ordinal)
    {
        "agency", "broadcaster", "newspaper", "state_media", "monitor",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "he", "she", "it", "they", "we", "i",
    };

    private readonly ActorDictionary _dictionary;

    public AttributionRecognizer(ActorDictionary dictionary)
    {
        _dictionary = dictionary;
    }

    public string Name => "attribution";

    public IReadOnlyList<string> Requires => [Layers.Sentences, Layers.Tokens, Layers.Actors];

    public IReadOnlyList<string> Provides => [Layers.Attributions, Layers.Statements];

    public void Annotate(Document document)
    {
        var folded = new FoldedTokens(document);
        string? lastPerson = null;
        Statement? lastSpeaker = null;
        foreach (var sentence in document.Sentences)
        {
            if (document.InCaption(sentence.Start))
            {
                continue;
            }
            foreach (var (subject, verb, according) in Subjects(document, sentence))
            {
                var source = Canonical(document, folded, subject, out var entry);
                if (source.Length == 0)
                {
                    continue;
                }
                var lower = source.ToLowerInvariant();
                if (Pronouns.Contains(lower))
                {
                    if (lastSpeaker is null || according)
                    {
                        continue;
                    }
                    source = lastSpeaker.Speaker;
                    entry = null;
                }
                bool reportOnly = according || entry is ReportingSource rs && ReportOnlyKinds.Contains(rs.Kind) && verb is "reported" or "reports" or "said" or "says";
                document.Attributions.Add(new Core.Annotations.Attribution(sentence.Span, subject, source, sentence.Index, !reportOnly));
                if (reportOnly)
                {
                    continue;
                }
                var statement = MakeStatement(document, sentence, subject, source, entry, ref lastPerson);
                if (statement is not null)
                {
                    document.Statements.Add(statement);
                    lastSpeaker = statement;
                }
            }
        }
    }

    /// <summary>The phrase that says who speaks, the verb, and whether it came as "according to".</summary>
    private static IEnumerable<(TextSpan Subject, string Verb, bool According)> Subjects(Document document, Sentence sentence)
    {
        var tokens = document.Tokens;
        int first = sentence.FirstToken, last = sentence.FirstToken + sentence.TokenCount - 1;
        string W(int k) => document.Text.Substring(tokens[k].Start, tokens[k].Span.Length);
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
                    yield return (new TextSpan(tokens[k + 2].Start, tokens[end - 1].End), "according", true);
                }
                continue;
            }
            if (!SpeechVerbs.Contains(word))
            {
                continue;
            }
            // "X said": the noun phrase before the verb, back to a clause boundary.
            int start = k - 1;
            while (start >= first && start > k - 9 && !IsBoundary(document, start))
            {
                start--;
            }
            if (start < k - 1)
            {
                var span = new TextSpan(tokens[start + 1].Start, tokens[k - 1].End);
                if (LooksLikeSubject(document, span))
                {
                    yield return (span, word, false);
                    continue;
                }
            }
            // ", said X." / "," + quote + "said X"
            if (k > first && (tokens[k - 1].Kind == TokenKind.Punctuation) && k + 1 <= last)
            {
                int end = k + 1;
                while (end <= last && !IsBoundary(document, end))
                {
                    end++;
                }
                if (end > k + 1)
                {
                    var span = new TextSpan(tokens[k + 1].Start, tokens[end - 1].End);
                    if (LooksLikeSubject(document, span))
                    {
                        yield return (span, word, false);
                    }
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
        return w is "that" or "and" or "but" or "while" or "as" or "after" or "when" or "which" or "who" or "where" or "also";
    }

    private static bool LooksLikeSubject(Document document, TextSpan span)
    {
        var text = document.Slice(span);
        if (text.Length == 0 || text.Length > 90)
        {
            return false;
        }
        var first = text.Split(' ')[0].ToLowerInvariant();
        // A clause fragment ("the bridge had") is not a speaker.
        return !text.Split(' ').Any(w => w is "had" or "has" or "have" or "was" or "were" or "is" or "are" or "been" or "will");
    }

    private string Canonical(Document document, FoldedTokens folded, TextSpan subject, out ActorEntry? entry)
    {
        entry = null;
        var tokens = document.Tokens;
        for (int k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Start < subject.Start || tokens[k].End > subject.End)
            {
                continue;
            }
            var match = _dictionary.Phrases.LongestAt(document, folded, k);
            if (match is not null && match.Span.End <= subject.End)
            {
                entry = match.Value;
                switch (match.Value)
                {
                    case ReportingSource source:
                        return source.Name;
                    case NamedActor named when !PersonAfter(document, match.Span, subject):
                        return named.Actor.Name;
                    case Metonym metonym when !PersonAfter(document, match.Span, subject):
                        return document.Slice(match.Span).StartsWith("the ", StringComparison.OrdinalIgnoreCase)
                            ? document.Slice(match.Span)[4..]
                            : document.Slice(match.Span);
                }
                break;
            }
        }
        var text = document.Slice(subject).Trim();
        foreach (var article in new[] { "the ", "The ", "a ", "A ", "an ", "An " })
        {
            if (text.StartsWith(article, StringComparison.Ordinal))
            {
                text = text[article.Length..];
            }
        }
        return text;
    }

    /// <summary>"Kremlin spokesman Dmitry Peskov": a capitalised name follows the organisation.</summary>
    private static bool PersonAfter(Document document, TextSpan organisation, TextSpan subject) =>
        PersonName(document.Slice(new TextSpan(organisation.End, subject.End))) is not null;

    private static string? PersonName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int n = 0;
        for (int i = words.Length - 1; i >= 0 && char.IsUpper(words[i][0]) || (i >= 0 && n > 0 && words[i] is "al" or "al-" or "bin" or "de" or "van"); i--)
        {
            n++;
        }
        if (n < 2 || n > 4)
        {
            return null;
        }
        return string.Join(' ', words[^n..]);
    }

    private Statement? MakeStatement(Document document, Sentence sentence, TextSpan subject, string source,
        ActorEntry? entry, ref string? lastPerson)
    {
        var subjectText = document.Slice(subject);
        string speaker = source;
        string? role = null;
        string? organization = null;
        string? country = null;
        switch (entry)
        {
            case NamedActor named:
                organization = named.Actor.Name;
                country = named.Actor.Country;
                break;
            case Metonym metonym:
                organization = _dictionary.StateActor("government", metonym.Country)?.Name;
                country = metonym.Country;
                break;
            case ReportingSource rs:
                organization = rs.Name;
                country = rs.Country;
                break;
        }
        var person = PersonName(subjectText);
        if (person is not null)
        {
            speaker = person;
            var before = subjectText[..subjectText.LastIndexOf(person, StringComparison.Ordinal)].Trim();
            role = before.Length > 0 ? before.Replace("the ", "", StringComparison.Ordinal).Trim() : null;
            lastPerson = person;
        }
        else if (lastPerson is not null && lastPerson.EndsWith(" " + source, StringComparison.Ordinal))
        {
            speaker = lastPerson;
        }
        var sentenceText = document.Slice(sentence.Span);
        bool direct = HasQuote(sentenceText);
        return new Statement
        {
            Speaker = speaker,
            Role = string.IsNullOrEmpty(role) ? null : role,
            Organization = organization,
            Country = country,
            Kind = direct ? "direct" : "indirect",
            Text = sentenceText,
            Start = sentence.Start,
            End = sentence.End,
        };
    }

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
