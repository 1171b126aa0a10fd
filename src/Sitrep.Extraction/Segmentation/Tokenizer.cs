using Sitrep.Core;
using Sitrep.Core.Annotations;

namespace Sitrep.Extraction.Segmentation;

/// <summary>
/// Splits text into words, numbers, punctuation and symbols with offsets. Keeps "U.S.",
/// "al-Assad", "1,210", "2.5" and "Hay'at" whole; a sentence index is filled in later.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text, int start = 0, int end = -1)
    {
        if (end < 0)
        {
            end = text.Length;
        }
        var tokens = new List<Token>();
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            int s = i;
            if (char.IsDigit(c))
            {
                i++;
                while (i < end && (char.IsDigit(text[i]) ||
                       (text[i] is ',' or '.' && i + 1 < end && char.IsDigit(text[i + 1]))))
                {
                    i++;
                }
                // "18-year-old", "2nd", "10km": a number glued to letters is one word.
                if (i < end && (char.IsLetter(text[i]) || (text[i] == '-' && i + 1 < end && char.IsLetter(text[i + 1]))))
                {
                    i = ScanWord(text, i, end);
                    tokens.Add(new Token(new TextSpan(s, i), TokenKind.Word, -1));
                }
                else
                {
                    tokens.Add(new Token(new TextSpan(s, i), TokenKind.Number, -1));
                }
                continue;
            }
            if (char.IsLetter(c))
            {
                i = ScanWord(text, i, end);
                tokens.Add(new Token(new TextSpan(s, i), TokenKind.Word, -1));
                continue;
            }
            i++;
            tokens.Add(new Token(new TextSpan(s, i), char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol, -1));
        }
        return tokens;
    }

    private static int ScanWord(string text, int i, int end)
    {
        while (i < end)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c) || c is '\u0301' or '\u0308')
            {
                i++;
                continue;
            }
            // Inner apostrophes and hyphens join ("Hay'at", "al-Sham"); a possessive 's stays a word.
            if ((c is '\'' or '’' or '-' or '‘') && i + 1 < end && char.IsLetterOrDigit(text[i + 1]))
            {
                if ((c is '\'' or '’') && i + 2 <= end && (text[i + 1] is 's' or 'S') &&
                    (i + 2 == end || !char.IsLetterOrDigit(text[i + 2])))
                {
                    return i;
                }
                i++;
                continue;
            }
            // Abbreviations with inner periods: "U.S.", "U.N.", "e.g."
            if (c == '.' && i + 1 < end && char.IsLetter(text[i + 1]) && i + 2 <= end &&
                (i + 2 == end || text[i + 2] == '.') && IsSingleLetterBefore(text, i))
            {
                i += 2;
                if (i < end && text[i] == '.')
                {
                    i++;
                }
                continue;
            }
            break;
        }
        return i;
    }

    private static bool IsSingleLetterBefore(string text, int dot) =>
        dot >= 1 && char.IsLetter(text[dot - 1]) && (dot < 2 || !char.IsLetter(text[dot - 2]));
}
