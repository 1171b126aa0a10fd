using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Core.Pipeline;

namespace Sitrep.Extraction.Segmentation;

/// <summary>
/// Sentence and token layers. A sentence ends at . ! ? (with closing quotes) before a capital,
/// a quote or a digit, unless the period belongs to an abbreviation ("Gen.", "Lt. Col.",
/// "No. 5", "U.S.") or an initial; a paragraph break always ends one.
/// </summary>
public sealed class SentenceSegmenter : IAnnotator
{
    private readonly Abbreviations _abbreviations;

    public SentenceSegmenter(Abbreviations abbreviations)
    {
        _abbreviations = abbreviations;
    }

    public string Name => "segment";

    public IReadOnlyList<string> Requires => [];

    public IReadOnlyList<string> Provides => [Layers.Sentences, Layers.Tokens];

    public void Annotate(Document document)
    {
        var text = document.Text;
        var tokens = Tokenizer.Tokenize(text);
        document.Tokens.EnsureCapacity(document.Tokens.Count + tokens.Count);
        int sentenceStart = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            bool last = i == tokens.Count - 1;
            if (last || EndsSentenceAfter(text, tokens, i))
            {
                int endToken = i;
                // Closing quotes and brackets belong to the sentence they close.
                while (endToken + 1 < tokens.Count && IsCloser(text[tokens[endToken + 1].Start]) &&
                       !HasParagraphBreak(text, tokens[endToken].End, tokens[endToken + 1].Start))
                {
                    endToken++;
                }
                AddSentence(document, tokens, sentenceStart, endToken);
                sentenceStart = endToken + 1;
                i = endToken;
            }
        }
        if (sentenceStart < tokens.Count)
        {
            AddSentence(document, tokens, sentenceStart, tokens.Count - 1);
        }
    }

    private static void AddSentence(Document document, List<Token> tokens, int first, int last)
    {
        int index = document.Sentences.Count;
        for (int t = first; t <= last; t++)
        {
            document.Tokens.Add(tokens[t] with { SentenceIndex = index });
        }
        var span = new TextSpan(tokens[first].Start, tokens[last].End);
        document.Sentences.Add(new Sentence(index, span, document.Tokens.Count - (last - first + 1), last - first + 1));
    }

    private bool EndsSentenceAfter(string text, List<Token> tokens, int i)
    {
        var next = tokens[i + 1];
        if (HasParagraphBreak(text, tokens[i].End, next.Start))
        {
            return true;
        }
        char c = text[tokens[i].Start];
        if (tokens[i].Kind == TokenKind.Word && text[tokens[i].End - 1] == '.')
        {
            // "U.S." swallows its final period: it ends a sentence only before an obvious opener.
            return next.Start > tokens[i].End &&
                   _abbreviations.IsSentenceOpener(text.AsSpan(next.Start, next.Span.Length));
        }
        if (tokens[i].Span.Length != 1 || c is not ('.' or '!' or '?' or '…'))
        {
            return false;
        }
        int k = i + 1;
        while (k < tokens.Count && IsCloser(text[tokens[k].Start]) && tokens[k].Span.Length == 1)
        {
            k++;
        }
        if (k >= tokens.Count)
        {
            return true;
        }
        var following = tokens[k];
        if (following.Start == tokens[k - 1].End)
        {
            return false;
        }
        char f = text[following.Start];
        if (!(char.IsUpper(f) || char.IsDigit(f) || f is '"' or '“' or '‘' or '\'' or '('))
        {
            return false;
        }
        if (c != '.' || i == 0)
        {
            return true;
        }
        var before = tokens[i - 1];
        if (before.End != tokens[i].Start)
        {
            return true;
        }
        var word = text.AsSpan(before.Start, before.Span.Length);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }
        if (_abbreviations.BeforeNumberOnly(word))
        {
            return !char.IsDigit(f);
        }
        if (_abbreviations.IsTitle(word))
        {
            return false;
        }
        if (word.Contains('.'))
        {
            // "U.S." ends a sentence only when an obvious sentence opener follows.
            var nextWord = text.AsSpan(following.Start, following.Span.Length);
            return _abbreviations.IsSentenceOpener(nextWord);
        }
        return true;
    }

    private static bool HasParagraphBreak(string text, int from, int to)
    {
        return text.AsSpan(from, to - from).Contains('\n');
    }

    private static bool IsCloser(char c) => c is '"' or '”' or '’' or '\'' or ')' or ']' or '»';
}
