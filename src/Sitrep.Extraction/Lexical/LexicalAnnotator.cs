using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Core.Pipeline;
using Sitrep.Gazetteer;

namespace Sitrep.Extraction.Lexical;

/// <summary>
/// The lexical layer: for every token its lower form, a Penn tag and coarse part of speech, its
/// lemma for that part of speech, the context-free <see cref="Lexeme.Base"/> patterns match on,
/// and flags (title case, capitals, number, inside a quotation, sentence start). Tags are the
/// Brill lexicon's most frequent reading, corrected by the tag of the word before (a determiner
/// wants a noun, "to" or a modal a base verb, an auxiliary a participle), so no English word
/// is written here.
/// </summary>
public sealed class LexicalAnnotator(Lexicon lexicon) : IAnnotator
{
    public string Name => "lexical";

    public IReadOnlyList<string> Requires => [Layers.Sentences, Layers.Tokens];

    public IReadOnlyList<string> Provides => [Layers.Lexemes];

    public void Annotate(Document document)
    {
        var text = document.Text;
        var lexemes = document.Lexemes;
        lexemes.Clear();
        lexemes.EnsureCapacity(document.Tokens.Count);
        int quoteDepth = 0;
        int sentence = -1;
        string previousTag = "";
        string? previousClass = null;
        foreach (var token in document.Tokens)
        {
            var written = document.Shared(text.Substring(token.Start, token.Span.Length));
            bool start = token.SentenceIndex != sentence;
            if (start)
            {
                sentence = token.SentenceIndex;
                previousTag = "";
                previousClass = null;
            }
            if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                if (written is "\"" or "“" or "”")
                {
                    quoteDepth = written == "“" ? 1 : written == "”" ? 0 : 1 - quoteDepth;
                }
                var punct = token.Kind == TokenKind.Symbol ? "SYM" : written;
                lexemes.Add(new Lexeme(written, written, "", token.Kind == TokenKind.Symbol ? PartOfSpeech.Symbol : PartOfSpeech.Punctuation,
                    punct, Flags(written, token, start, quoteDepth)));
                previousTag = punct;
                previousClass = null;
                continue;
            }
            var lower = document.Shared(written.ToLowerInvariant());
            string tag = token.Kind == TokenKind.Number ? "CD" : Tag(written, lower, start, previousTag, previousClass);
            var pos = Lexicon.Coarse(tag);
            var function = lexicon.FunctionClass(lower);
            if (function == "auxiliary" && pos is PartOfSpeech.Verb)
            {
                pos = PartOfSpeech.Auxiliary;
            }
            var folded = document.Shared(PlaceNameKey.Exact(lower));
            var lemma = document.Shared(Lexicon.ClassOf(tag) is WordClass c ? lexicon.Lemma(folded, c) ?? folded : folded);
            var flags = Flags(written, token, start, quoteDepth);
            lexemes.Add(new Lexeme(lower, lemma, token.Kind == TokenKind.Number ? folded : document.Shared(lexicon.Base(folded)), pos, tag, flags));
            previousTag = tag;
            previousClass = function;
        }
    }

    private string Tag(string written, string lower, bool sentenceStart, string previousTag, string? previousClass)
    {
        var tags = lexicon.Tags(written, lower);
        if (tags.Count == 0)
        {
            return Unknown(written, lower);
        }
        // A capitalised word inside a sentence that the lexicon knows only in lower case is a name.
        if (!sentenceStart && char.IsUpper(written[0]) && !tags.Any(t => t.StartsWith("NNP", StringComparison.Ordinal)) &&
            lexicon.Tags(written, written).Count == 0)
        {
            return "NNP";
        }
        var first = tags[0];
        if (previousTag is "DT" or "PRP$" or "POS" or "JJ" or "CD" && FirstOf(tags, "NN", "NNS", "JJ", "NNP", "NNPS") is { } nominal)
        {
            return nominal;
        }
        if (previousTag is "TO" or "MD" && FirstOf(tags, "VB") is { } bare)
        {
            return bare;
        }
        if (previousClass == "auxiliary" && FirstOf(tags, "VBN", "VBG") is { } participle)
        {
            return participle;
        }
        // After a noun or pronoun, a form that can be a finite verb usually is one ("gunmen shot", "police arrested", "the army attacks").
        if (previousTag is "NN" or "NNS" or "NNP" or "NNPS" or "PRP" && first is "NN" or "NNS" or "JJ" or "VBN" && FirstOf(tags, "VBD", "VBZ") is { } finite)
        {
            return finite;
        }
        return first;
    }

    // Runs for every token: no allocation per call.
    private static string? FirstOf(IReadOnlyList<string> tags, params ReadOnlySpan<string> wanted)
    {
        foreach (var t in tags)
        {
            if (wanted.Contains(t))
            {
                return t;
            }
        }
        return null;
    }

    /// <summary>A form the lexicon lacks: a name when capitalised, else guessed from its ending by the lemma it yields.</summary>
    private string Unknown(string written, string lower)
    {
        if (char.IsUpper(written[0]))
        {
            return "NNP";
        }
        var folded = PlaceNameKey.Exact(lower);
        if (lexicon.Lemma(folded, WordClass.Verb) is { } verb && verb != folded)
        {
            return folded.EndsWith('g') ? "VBG" : folded.EndsWith('s') ? "VBZ" : "VBD";
        }
        if (lexicon.Lemma(folded, WordClass.Noun) is { } noun && noun != folded)
        {
            return "NNS";
        }
        return lexicon.IsLemma(folded, WordClass.Adjective) ? "JJ" : "NN";
    }

    private static LexicalFlags Flags(string written, Token token, bool start, int quoteDepth)
    {
        var flags = LexicalFlags.None;
        if (char.IsUpper(written[0]))
        {
            flags |= written.Length > 1 && written.All(ch => !char.IsLetter(ch) || char.IsUpper(ch)) ? LexicalFlags.AllCaps : LexicalFlags.TitleCase;
        }
        if (token.Kind == TokenKind.Number)
        {
            flags |= LexicalFlags.Number;
        }
        if (quoteDepth > 0)
        {
            flags |= LexicalFlags.InQuote;
        }
        if (start)
        {
            flags |= LexicalFlags.SentenceStart;
        }
        return flags;
    }
}
