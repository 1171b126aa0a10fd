using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Gazetteer;

namespace Sitrep.Extraction.Matching;

/// <summary>A phrase found in a sentence: token range, text span and what it names.</summary>
public sealed record PhraseMatch<T>(int FirstToken, int TokenCount, TextSpan Span, T Value);

/// <summary>
/// Longest-match lookup of multi-word phrases over a document's tokens, folded as gazetteer
/// keys (case, diacritics, apostrophes). Phrases written in capitals ("IS", "AA", "HTS") match
/// only in capitals, so "is" and "aa" in prose never do.
/// </summary>
public sealed class PhraseIndex<T>
{
    private readonly Dictionary<string, List<(T Value, string? CaseSensitive)>> _phrases = new(StringComparer.Ordinal);

    // The longest phrase starting with each first word: most tokens start none, and are skipped at once.
    private readonly Dictionary<string, int> _firstWords = new(StringComparer.Ordinal);

    public int MaxWords { get; private set; } = 1;

    public void Add(string phrase, T value)
    {
        var key = PlaceNameKey.Exact(phrase);
        if (key.Length == 0)
        {
            return;
        }
        bool acronym = phrase.Count(char.IsLetter) >= 1 && phrase.Where(char.IsLetter).All(char.IsUpper) && phrase.Length <= 8;
        if (!_phrases.TryGetValue(key, out var list))
        {
            _phrases[key] = list = [];
        }
        if (!list.Any(x => EqualityComparer<T>.Default.Equals(x.Value, value)))
        {
            list.Add((value, acronym ? Compact(phrase) : null));
        }
        int words = key.Count(c => c == ' ') + 1;
        MaxWords = Math.Max(MaxWords, words);
        var firstWord = key.Split(' ')[0];
        _firstWords[firstWord] = Math.Max(words, _firstWords.GetValueOrDefault(firstWord));
        // "Rwanda's army" starts, in the text, with the token "Rwanda" followed by "'s".
        var written = phrase.Split(' ')[0];
        if (written.EndsWith("'s", StringComparison.Ordinal) || written.EndsWith("’s", StringComparison.Ordinal))
        {
            var stem = firstWord[..^1];
            _firstWords[stem] = Math.Max(words + 1, _firstWords.GetValueOrDefault(stem));
        }
    }

    public IReadOnlyList<T> Lookup(string phrase) =>
        _phrases.TryGetValue(PlaceNameKey.Exact(phrase), out var list) ? list.Select(x => x.Value).ToList() : [];

    /// <summary>All longest non-overlapping matches in the document, left to right.</summary>
    public List<PhraseMatch<T>> FindAll(Document document, FoldedTokens folded)
    {
        var matches = new List<PhraseMatch<T>>();
        var tokens = document.Tokens;
        int i = 0;
        while (i < tokens.Count)
        {
            var match = LongestAt(document, folded, i);
            if (match is null)
            {
                i++;
                continue;
            }
            matches.Add(match);
            i += match.TokenCount;
        }
        return matches;
    }

    public PhraseMatch<T>? LongestAt(Document document, FoldedTokens folded, int first)
    {
        var tokens = document.Tokens;
        // Callers probe the token after a word; past either end there is no phrase.
        if (first < 0 || first >= tokens.Count || folded[first].Length == 0 || !_firstWords.TryGetValue(FirstWord(folded[first]), out var longest))
        {
            return null;
        }
        int sentence = tokens[first].SentenceIndex;
        // Punctuation inside a phrase ("al-Sham (HTS)") takes tokens that are not words: leave room for it.
        int limit = Math.Min(tokens.Count - first, longest * 2 + 1);
        for (int n = limit; n >= 1; n--)
        {
            int last = first + n - 1;
            if (tokens[last].SentenceIndex != sentence || folded[last].Length == 0)
            {
                continue;
            }
            var key = folded.Key(first, n);
            if (key is null || !_phrases.TryGetValue(key, out var list))
            {
                continue;
            }
            var span = new TextSpan(tokens[first].Start, tokens[last].End);
            var written = Compact(document.Text.AsSpan(span.Start, span.Length).ToString());
            foreach (var (value, caseSensitive) in list)
            {
                if (caseSensitive is null || caseSensitive == written)
                {
                    return new PhraseMatch<T>(first, n, span, value);
                }
            }
        }
        return null;
    }

    private static string Compact(string s) => new(s.Where(char.IsLetterOrDigit).ToArray());

    private static string FirstWord(string folded)
    {
        int space = folded.IndexOf(' ');
        return space < 0 ? folded : folded[..space];
    }
}

/// <summary>Each token folded once per document, so phrase keys are cheap to build.</summary>
public sealed class FoldedTokens
{
    // Every component after segmentation reads the same folding: compute it once per document.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Document, FoldedTokens> Cache = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Document, FoldedTokens> LemmaCache = new();

    private readonly string[] _folded;
    private readonly bool[] _blocks;
    private readonly bool[] _glue;

    /// <summary>The folding of a segmented document, shared by the components that read it.</summary>
    public static FoldedTokens Of(Document document)
    {
        if (Cache.TryGetValue(document, out var folded) && folded._folded.Length == document.Tokens.Count)
        {
            return folded;
        }
        folded = new FoldedTokens(document);
        Cache.AddOrUpdate(document, folded);
        return folded;
    }

    /// <summary>
    /// Each word token as its lexical base ("shot" → "shoot"), so that patterns written as lemmas
    /// match every inflection; needs the lexical layer.
    /// </summary>
    public static FoldedTokens Lemmas(Document document)
    {
        if (LemmaCache.TryGetValue(document, out var folded) && folded._folded.Length == document.Tokens.Count)
        {
            return folded;
        }
        folded = new FoldedTokens(document, lemmas: true);
        LemmaCache.AddOrUpdate(document, folded);
        return folded;
    }

    private FoldedTokens(Document document, bool lemmas = false)
    {
        _folded = new string[document.Tokens.Count];
        _blocks = new bool[document.Tokens.Count];
        _glue = new bool[document.Tokens.Count];
        for (int i = 0; i < _folded.Length; i++)
        {
            var t = document.Tokens[i];
            bool word = t.Kind is TokenKind.Word or TokenKind.Number;
            _folded[i] = !word ? "" : lemmas ? document.Lexemes[i].Base : document.Shared(PlaceNameKey.Exact(document.Text.Substring(t.Start, t.Span.Length)));
            _blocks[i] = !word && document.Text[t.Start] is not ('-' or '/' or '\'' or '’' or '.' or '&');
            // A possessive "'s" folds onto its word, as "Syria's" does in a phrase key.
            _glue[i] = word && t.Start > 0 && document.Text[t.Start - 1] is '\'' or '’';
        }
    }

    public string this[int index] => _folded[index];

    /// <summary>The key of n tokens from first; punctuation inside is skipped, except that a phrase never spans a comma or bracket.</summary>
    public string? Key(int first, int n)
    {
        if (n == 1)
        {
            return _folded[first];
        }
        var key = new System.Text.StringBuilder();
        for (int i = first; i < first + n; i++)
        {
            if (_blocks[i])
            {
                return null;
            }
            if (_folded[i].Length > 0)
            {
                if (key.Length > 0 && !_glue[i])
                {
                    key.Append(' ');
                }
                key.Append(_folded[i]);
            }
        }
        return key.ToString();
    }
}
