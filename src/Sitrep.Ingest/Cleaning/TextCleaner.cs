using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Core.Data;

namespace Sitrep.Ingest.Cleaning;

public sealed record CleanedText(string Text, IReadOnlyList<Caption> Captions);

/// <summary>
/// Turns extracted text into prose: re-joins lines hard-wrapped by a PDF or an e-mail client,
/// repairs words hyphenated at a line end, and sets a leading photo caption apart so that its
/// truncated credit is never joined to the first sentence.
/// </summary>
public sealed partial class TextCleaner
{
    private readonly HyphenationRules _hyphenation;

    public TextCleaner(HyphenationRules hyphenation)
    {
        _hyphenation = hyphenation;
    }

    /// <summary>The cleaner with the hyphenation lists under data/lexicon.</summary>
    public static TextCleaner FromData() => new(HyphenationRules.Load(DataDirectory.File("lexicon", "hyphenation.tsv")));

    public CleanedText Clean(string raw, bool fromPdfLayout = false)
    {
        var text = raw.Replace("\r\n", "\n").Replace('\r', '\n');
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }

        var lines = text.Split('\n').Select(NormalizeLine).ToList();
        int width = WrapWidth(lines);
        bool wrapped = fromPdfLayout || LooksHardWrapped(lines);
        // Only a line-end hyphen asks which words the document writes; most texts have none.
        var joinedWords = new Lazy<HashSet<string>>(() => WordsOf(text));

        var output = new StringBuilder(text.Length);
        var captions = new List<Caption>();
        int captionLine = FindLeadingCaption(lines);
        bool atParagraphStart = true;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                if (!atParagraphStart)
                {
                    output.Append("\n\n");
                    atParagraphStart = true;
                }
                continue;
            }

            if (i == captionLine)
            {
                if (!atParagraphStart)
                {
                    output.Append("\n\n");
                }
                int start = output.Length;
                output.Append(line);
                captions.Add(new Caption(new TextSpan(start, output.Length), CreditSpan(line, start)));
                output.Append("\n\n");
                atParagraphStart = true;
                continue;
            }

            if (!atParagraphStart)
            {
                AppendBreak(output, lines[i - 1], line, wrapped, width, joinedWords);
            }
            output.Append(line);
            atParagraphStart = false;
        }

        var cleaned = output.ToString().TrimEnd();
        return new CleanedText(cleaned, captions);
    }

    private void AppendBreak(StringBuilder output, string previous, string next, bool wrapped, int width,
        Lazy<HashSet<string>> documentWords)
    {
        if (previous.EndsWith('-') && previous.Length > 1 && char.IsLetterOrDigit(previous[^2]) &&
            next.Length > 0 && char.IsLetter(next[0]))
        {
            var before = LastWord(previous[..^1]);
            var after = FirstWord(next);
            if (!_hyphenation.KeepHyphen(before, after, documentWords.Value))
            {
                output.Length -= 1;
            }
            return;
        }

        bool endsSentence = EndsSentence(previous);
        bool keepBreak = wrapped
            ? endsSentence && previous.Length < width * 0.75
            : endsSentence || !char.IsLower(next[0]);
        output.Append(keepBreak ? "\n\n" : " ");
    }

    private static string NormalizeLine(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Contains("  ") || trimmed.Contains('\t') ? Whitespace().Replace(trimmed, " ") : trimmed;
    }

    /// <summary>The line length a wrapped text fills: the 90th percentile of its longer lines.</summary>
    private static int WrapWidth(List<string> lines)
    {
        var lengths = lines.Where(l => l.Length >= 20).Select(l => l.Length).Order().ToList();
        return lengths.Count == 0 ? 80 : lengths[(int)(lengths.Count * 0.9)];
    }

    /// <summary>Hard-wrapped text has many lines that stop mid-sentence before a non-blank line.</summary>
    private static bool LooksHardWrapped(List<string> lines)
    {
        int continued = 0, midSentence = 0;
        for (int i = 0; i + 1 < lines.Count; i++)
        {
            if (lines[i].Length == 0 || lines[i + 1].Length == 0)
            {
                continue;
            }
            continued++;
            if (!EndsSentence(lines[i]))
            {
                midSentence++;
            }
        }
        return continued >= 2 && midSentence * 4 >= continued;
    }

    private static bool EndsSentence(string line)
    {
        var trimmed = line.TrimEnd('"', '”', '’', '\'', ')', ']');
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or ':' or ';' or '…';
    }

    /// <summary>
    /// A photo caption heads the text and ends with its credit, which extraction usually truncates:
    /// "Fighters fire towards the city. Bakr". The next line starts a new sentence.
    /// </summary>
    private static int FindLeadingCaption(List<string> lines)
    {
        int first = lines.FindIndex(l => l.Length > 0);
        if (first < 0 || first + 1 >= lines.Count)
        {
            return -1;
        }
        var line = lines[first];
        if (CreditMarker().IsMatch(line))
        {
            return first;
        }
        var match = TrailingCredit().Match(line);
        if (!match.Success || FunctionWords.Contains(match.Groups["credit"].Value.Split(' ')[0]))
        {
            return -1;
        }
        var next = lines.Skip(first + 1).FirstOrDefault(l => l.Length > 0);
        return next is not null && (char.IsUpper(next[0]) || next[0] is '"' or '“') ? first : -1;
    }

    private static TextSpan? CreditSpan(string line, int lineStart)
    {
        var marker = CreditMarker().Match(line);
        if (marker.Success)
        {
            return new TextSpan(lineStart + marker.Index, lineStart + line.Length);
        }
        var credit = TrailingCredit().Match(line).Groups["credit"];
        return credit.Success ? new TextSpan(lineStart + credit.Index, lineStart + credit.Index + credit.Length) : null;
    }

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "We", "I", "But", "And", "Or", "As",
        "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "If", "When", "While", "After",
        "Before", "Since", "For", "From", "To", "By", "With", "Some", "Many", "Most", "One", "Two", "Three",
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "President", "Prime", "Minister", "There", "Officials",
    };

    private static HashSet<string> WordsOf(string text)
    {
        // Matches enumerated without a Match object or a string per word: a long text has millions.
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var m in Word().EnumerateMatches(text))
        {
            lookup.Add(text.AsSpan(m.Index, m.Length));
        }
        return words;
    }

    private static string LastWord(string s)
    {
        int i = s.Length;
        while (i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] is '\'' or '’'))
        {
            i--;
        }
        return s[i..];
    }

    private static string FirstWord(string s)
    {
        int i = 0;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '\'' or '’'))
        {
            i++;
        }
        return s[..i];
    }

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?<body>\S.*\S[.!?][""”’]?)\s+(?<credit>\p{Lu}[\p{L}'’.]*(?:\s+\p{Lu}[\p{L}'’.]*){0,2}|\p{Lu}[\p{L}'’.]*\s+\p{Lu}[\p{L}'’]{0,2})$")]
    private static partial Regex TrailingCredit();

    [GeneratedRegex(@"\b(?:Photo(?:graph)?|Picture|Image)\s*(?::|/|by\b)|\bvia Getty\b|Getty Images|\bAP Photo\b|\b(?:REUTERS|AFP|Reuters|Anadolu)/\p{Lu}")]
    private static partial Regex CreditMarker();
}
