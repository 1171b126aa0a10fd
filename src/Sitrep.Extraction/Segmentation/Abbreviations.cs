using Sitrep.Core.Data;

namespace Sitrep.Extraction.Segmentation;

/// <summary>Abbreviations that a period does not end a sentence after (data/lexicon/abbreviations.tsv).</summary>
public sealed class Abbreviations
{
    private readonly HashSet<string> _titles = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _beforeNumber = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _openers = new(StringComparer.Ordinal);

    public static Abbreviations Load(string path)
    {
        var result = new Abbreviations();
        foreach (var row in Tsv.Read(path, "word", "kind"))
        {
            var set = row["kind"] switch
            {
                "title" => result._titles,
                "before_number" => result._beforeNumber,
                "sentence_opener" => result._openers,
                var other => throw row.Error($"kind must be title, before_number or sentence_opener, not '{other}'"),
            };
            set.Add(row["word"].TrimEnd('.'));
        }
        return result;
    }

    public bool IsTitle(ReadOnlySpan<char> word) =>
        _titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    public bool BeforeNumberOnly(ReadOnlySpan<char> word) =>
        _beforeNumber.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    public bool IsSentenceOpener(ReadOnlySpan<char> word) =>
        _openers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
