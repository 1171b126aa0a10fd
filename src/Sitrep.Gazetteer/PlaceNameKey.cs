using System.Globalization;
using System.Text;

namespace Sitrep.Gazetteer;

/// <summary>
/// Keys under which names are indexed. <see cref="Exact"/> folds case, diacritics, ayn and hamza
/// marks and separators ("Ma‘arrat an-Nu‘mān" = "maarrat an numan"). <see cref="Skeleton"/> also
/// drops Arabic articles, vowels and doubled letters, so transliterations meet
/// ("Maarat al-Numan" = "Ma'arrat an Nu'man" = "mrtnmn"; "El Fasher" = "Al Fashir").
/// </summary>
public static class PlaceNameKey
{
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal)
    {
        "al", "el", "ad", "ash", "ar", "an", "at", "as", "az", "adh", "ath", "ud", "ul", "ed", "es", "er", "en",
        "et", "ez", "az", "the",
    };

    public static string Exact(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool space = false;
        // Plain ASCII needs no decomposition, and most tokens are plain ASCII.
        var decomposed = Ascii.IsValid(name) ? name : name.Normalize(NormalizationForm.FormKD);
        foreach (char raw in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            char c = char.ToLowerInvariant(raw);
            if (c is '\'' or '’' or '‘' or '`' or 'ʿ' or 'ʾ' or 'ʻ' or 'ʼ' or '´')
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }
                space = false;
                sb.Append(c);
            }
            else
            {
                space = true;
            }
        }
        var key = sb.ToString();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }

    public static string Skeleton(string exactKey)
    {
        var sb = new StringBuilder(exactKey.Length);
        foreach (var word in exactKey.Split(' '))
        {
            if (Articles.Contains(word) && word.Length < exactKey.Length)
            {
                continue;
            }
            foreach (char c in word)
            {
                bool vowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' && sb.Length > 0;
                if (vowel)
                {
                    continue;
                }
                char mapped = c switch
                {
                    'q' => 'k',
                    'c' => 'k',
                    'v' => 'w',
                    'j' => 'g',
                    _ => c,
                };
                if (sb.Length > 0 && sb[^1] == mapped)
                {
                    continue;
                }
                sb.Append(mapped);
            }
        }
        return sb.ToString();
    }

    /// <summary>The exact key without Arabic articles ("al fashir" → "fashir").</summary>
    public static string WithoutArticles(string exactKey)
    {
        var words = exactKey.Split(' ').Where(w => !Articles.Contains(w)).ToList();
        return words.Count == 0 ? exactKey : string.Join(' ', words);
    }

    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
