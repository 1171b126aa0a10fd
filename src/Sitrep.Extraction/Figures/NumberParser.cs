using System.Globalization;
using Sitrep.Core;
using Sitrep.Core.Annotations;

namespace Sitrep.Extraction.Figures;

/// <summary>A number the text gives, with the tokens it spans and how exact it is.</summary>
public sealed record NumberMention(int FirstToken, int TokenCount, TextSpan Span, Count Count);

/// <summary>
/// Reads counts as news writes them: "242", "1,210", "2.5 million", "twenty-four", "a dozen",
/// "dozens", "tens of thousands", "between 10 and 15", "up to 170", "at least 24". Vague
/// quantities follow ACLED's conservative conventions (annotation guide).
/// </summary>
public static class NumberParser
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
        ["dozen"] = 12,
        ["a dozen"] = 12,
    };

    private static readonly Dictionary<string, int> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100,
        ["thousand"] = 1000,
        ["million"] = 1_000_000,
        ["billion"] = 1_000_000_000,
    };

    /// <summary>Vague plurals and their conservative best value.</summary>
    private static readonly Dictionary<string, int> Vague = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dozens"] = 12,
        ["tens"] = 10,
        ["scores"] = 20,
        ["hundreds"] = 100,
        ["thousands"] = 1000,
        ["millions"] = 1_000_000,
        ["several"] = 3,
        ["a few"] = 3,
        ["a handful"] = 3,
        ["numerous"] = 3,
    };

    /// <summary>
    /// Qualifier phrases. A bound keeps the number the text gives, strict or not ("more than 100"
    /// is best 100, low 100, at_least), as the annotation guide and ACLED code it.
    /// </summary>
    private static readonly (string Phrase, string Qualifier)[] Qualifiers =
    [
        ("at least", Qualifier.AtLeast), ("more than", Qualifier.AtLeast), ("over", Qualifier.AtLeast),
        ("upwards of", Qualifier.AtLeast), ("in excess of", Qualifier.AtLeast), ("no fewer than", Qualifier.AtLeast),
        ("no less than", Qualifier.AtLeast), ("nearly", Qualifier.About), ("about", Qualifier.About),
        ("around", Qualifier.About), ("some", Qualifier.About), ("approximately", Qualifier.About),
        ("roughly", Qualifier.About), ("almost", Qualifier.About), ("close to", Qualifier.About),
        ("an estimated", Qualifier.About), ("estimated", Qualifier.About), ("up to", Qualifier.AtMost),
        ("as many as", Qualifier.AtMost), ("at most", Qualifier.AtMost), ("fewer than", Qualifier.AtMost),
        ("less than", Qualifier.AtMost),
    ];

    public static List<NumberMention> FindAll(Document document, int firstToken, int lastToken)
    {
        var found = new List<NumberMention>();
        int i = firstToken;
        while (i <= lastToken)
        {
            var n = ParseAt(document, i, lastToken);
            if (n is null)
            {
                i++;
                continue;
            }
            found.Add(n);
            i = n.FirstToken + n.TokenCount;
        }
        return found;
    }

    /// <summary>Words a count can begin with; any other word is rejected before the phrase tables are read.</summary>
    private static readonly HashSet<string> Starters = new(
        Units.Keys.Concat(Vague.Keys).Concat(Qualifiers.Select(q => q.Phrase.Split(' ')[0]))
            .Concat(["between", "a", "an", "tens", "hundreds", "several"]), StringComparer.OrdinalIgnoreCase);

    public static NumberMention? ParseAt(Document document, int i, int lastToken)
    {
        if (i > lastToken || i >= document.Tokens.Count)
        {
            return null;
        }
        var token = document.Tokens[i];
        if (token.Kind != TokenKind.Number &&
            !Starters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(document.Text.AsSpan(token.Start, token.Span.Length)) &&
            !document.Text.AsSpan(token.Start, token.Span.Length).Contains('-'))
        {
            return null;
        }
        string W(int k) => k <= lastToken && k < document.Tokens.Count
            ? document.Text.Substring(document.Tokens[k].Start, document.Tokens[k].Span.Length).ToLowerInvariant()
            : "";

        // Qualifier phrases come first: "at least 24", "between 10 and 15".
        if (W(i) == "between")
        {
            var low = Cardinal(document, i + 1, lastToken, W);
            if (low is { } l && W(l.Next) is "and" or "to" && Cardinal(document, l.Next + 1, lastToken, W) is { } h)
            {
                return Make(document, i, h.Next - 1, new Count(l.Value, l.Value, h.Value, Qualifier.Range));
            }
            return null;
        }
        foreach (var (phrase, qualifier) in Qualifiers)
        {
            var words = phrase.Split(' ');
            if (words.Select((w, k) => W(i + k) == w).All(x => x))
            {
                if (ParseAt(document, i + words.Length, lastToken) is { } inner && inner.Count.Qualifier is Qualifier.Exact or Qualifier.Vague)
                {
                    int bound = inner.Count.Best;
                    var count = qualifier == Qualifier.AtMost
                        ? new Count(bound, bound, bound, Qualifier.AtMost)
                        : new Count(bound, bound, null, qualifier);
                    return Make(document, i, inner.FirstToken + inner.TokenCount - 1, count);
                }
                return null;
            }
        }

        // "tens of thousands", "hundreds of thousands", "several dozen"
        var w = W(i);
        if ((w is "tens" or "hundreds") && W(i + 1) == "of" && W(i + 2) is "thousands" or "millions")
        {
            int value = (w == "tens" ? 10 : 100) * (W(i + 2) == "thousands" ? 1000 : 1_000_000);
            return Make(document, i, i + 2, new Count(value, value, null, Qualifier.Vague));
        }
        if (w == "several" && W(i + 1) is "dozen" or "hundred" or "thousand")
        {
            int value = Scales.GetValueOrDefault(W(i + 1), 12);
            return Make(document, i, i + 1, new Count(value, value, null, Qualifier.Vague));
        }
        if (Vague.TryGetValue(w, out var vague))
        {
            // "dozens of" must count something; "several" alone before a noun is vague too.
            return Make(document, i, i, new Count(vague, vague, null, Qualifier.Vague));
        }
        if (w is "a" or "an" && W(i + 1) == "few")
        {
            return Make(document, i, i + 1, new Count(3, 3, null, Qualifier.Vague));
        }
        if (Cardinal(document, i, lastToken, W) is { } card)
        {
            // "15 to 20", "15-20"
            if (W(card.Next) is "to" or "-" or "–" && Cardinal(document, card.Next + 1, lastToken, W) is { } high && high.Value > card.Value)
            {
                return Make(document, i, high.Next - 1, new Count(card.Value, card.Value, high.Value, Qualifier.Range));
            }
            return Make(document, i, card.Next - 1, new Count(card.Value, card.Value, null, Qualifier.Exact));
        }
        return null;
    }

    private static (int Value, int Next)? Cardinal(Document document, int i, int lastToken, Func<int, string> w)
    {
        if (i > lastToken || i >= document.Tokens.Count)
        {
            return null;
        }
        var token = document.Tokens[i];
        var word = w(i);
        long value;
        int next = i + 1;
        if (token.Kind == TokenKind.Number)
        {
            if (!decimal.TryParse(word.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
            {
                return null;
            }
            if (Scales.TryGetValue(w(next), out var scale) && scale >= 1000)
            {
                d *= scale;
                next++;
            }
            value = (long)d;
        }
        else if (word is "a" or "an" && w(i + 1) == "dozen")
        {
            value = 12;
            next = i + 2;
        }
        else if (TryWords(word, out var v))
        {
            value = v;
            while (Scales.TryGetValue(w(next), out var scale))
            {
                value *= scale;
                next++;
            }
        }
        else
        {
            return null;
        }
        return value > int.MaxValue ? null : ((int)value, next);
    }

    /// <summary>"twenty-four", "nine", "dozen".</summary>
    private static bool TryWords(string word, out long value)
    {
        value = 0;
        foreach (var part in word.Split('-'))
        {
            if (!Units.TryGetValue(part, out var v))
            {
                return false;
            }
            value += v;
        }
        return true;
    }

    private static NumberMention Make(Document document, int first, int last, Count count) =>
        new(first, last - first + 1, new TextSpan(document.Tokens[first].Start, document.Tokens[last].End), count);
}
