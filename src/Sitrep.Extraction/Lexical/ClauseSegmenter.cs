using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Core.Pipeline;

namespace Sitrep.Extraction.Lexical;

/// <summary>
/// Splits each sentence into clauses from the lexical layer: at a semicolon, colon or dash; at a
/// coordinator, subordinator or relative word (data/lexicon/function_words.tsv) that has a finite
/// verb after it and a verb before it in the same clause; and at a comma before a participle
/// ("..., killing five"). No English word is written here: classes and tags decide.
/// </summary>
public sealed class ClauseSegmenter(Lexicon lexicon) : IAnnotator
{
    public string Name => "clauses";

    public IReadOnlyList<string> Requires => [Layers.Sentences, Layers.Tokens, Layers.Lexemes];

    public IReadOnlyList<string> Provides => [Layers.Clauses];

    public void Annotate(Document document)
    {
        document.Clauses.Clear();
        foreach (var sentence in document.Sentences)
        {
            int first = sentence.FirstToken, last = first + sentence.TokenCount - 1;
            int start = first;
            bool verbBefore = false;
            for (int k = first; k <= last; k++)
            {
                var lex = document.Lexemes[k];
                bool split = false;
                if (k > start && lex.Pos == PartOfSpeech.Punctuation && lex.Lower is ";" or ":" or "—" or "–")
                {
                    split = true;
                }
                else if (k > start && verbBefore && lexicon.FunctionClass(lex.Lower) is "coordinator" or "subordinator" or "relative" &&
                         FiniteVerbAhead(document, k + 1, last))
                {
                    split = true;
                }
                else if (k > start + 1 && verbBefore && lex.Tag == "VBG" && document.Lexemes[k - 1].Lower == ",")
                {
                    split = true;
                }
                if (split)
                {
                    Add(document, sentence.Index, start, k - 1);
                    start = k;
                    verbBefore = false;
                }
                verbBefore |= lex.IsVerbal;
            }
            if (start <= last)
            {
                Add(document, sentence.Index, start, last);
            }
        }
    }

    /// <summary>A finite verb (past, present or modal) before the next clause punctuation: a clause follows.</summary>
    private static bool FiniteVerbAhead(Document document, int from, int last)
    {
        for (int k = from; k <= Math.Min(last, from + 8); k++)
        {
            var lex = document.Lexemes[k];
            if (lex.Tag is "VBD" or "VBZ" or "VBP" or "MD")
            {
                return true;
            }
            if (lex.Pos == PartOfSpeech.Punctuation && lex.Lower is ";" or ":" or "," or "—")
            {
                return false;
            }
        }
        return false;
    }

    private static void Add(Document document, int sentence, int first, int last)
    {
        var tokens = document.Tokens;
        document.Clauses.Add(new Clause(document.Clauses.Count, sentence, first, last - first + 1,
            new TextSpan(tokens[first].Start, tokens[last].End)));
    }
}
