using Sitrep.Core.Data;

namespace Sitrep.Ingest.Cleaning;

/// <summary>
/// Decides whether a hyphen at a line end belongs to the word ("al-Assad", "Syria-based") or
/// to the layout ("Rus-sian"). The lists live in data/lexicon/hyphenation.tsv.
/// </summary>
public sealed class HyphenationRules
{
    private readonly HashSet<string> _keepAfterPrefixes;
    private readonly HashSet<string> _keepBeforeSuffixes;

    public HyphenationRules(IEnumerable<string> prefixes, IEnumerable<string> compoundHeads)
    {
        _keepAfterPrefixes = new HashSet<string>(prefixes, StringComparer.OrdinalIgnoreCase);
        _keepBeforeSuffixes = new HashSet<string>(compoundHeads, StringComparer.OrdinalIgnoreCase);
    }

    public static HyphenationRules Load(string path)
    {
        var prefixes = new List<string>();
        var heads = new List<string>();
        foreach (var row in Tsv.Read(path, "kind", "word"))
        {
            switch (row["kind"])
            {
                case "prefix":
                    prefixes.Add(row["word"]);
                    break;
                case "second":
                    heads.Add(row["word"]);
                    break;
                default:
                    throw new FormatException($"{path}:{row.Line}: kind must be 'prefix' or 'second', not '{row["kind"]}'");
            }
        }
        return new HyphenationRules(prefixes, heads);
    }

    public bool KeepHyphen(string before, string after, IReadOnlySet<string> documentWords)
    {
        if (before.Length == 0 || after.Length == 0)
        {
            return true;
        }
        if (_keepAfterPrefixes.Contains(before) || char.IsUpper(after[0]) || char.IsDigit(before[^1]) ||
            _keepBeforeSuffixes.Contains(after))
        {
            return true;
        }
        // The document itself often settles it: the word occurs unbroken elsewhere, or hyphenated.
        if (documentWords.Contains(before + after))
        {
            return false;
        }
        return documentWords.Contains(before + "-" + after);
    }
}
