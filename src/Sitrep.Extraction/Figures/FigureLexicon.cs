using Sitrep.Core.Data;
using Sitrep.Extraction.Matching;

namespace Sitrep.Extraction.Figures;

/// <summary>
/// Words that turn a number into a casualty figure: outcomes (data/lexicon/casualty_words.tsv),
/// victims (data/lexicon/victims.tsv) and aggregate-toll cues (data/lexicon/scope_cues.tsv).
/// </summary>
public sealed class FigureLexicon
{
    public static readonly IReadOnlySet<string> OutcomeValues = new HashSet<string>
    {
        "killed", "injured", "displaced", "detained", "abducted", "missing",
    };

    public static readonly IReadOnlySet<string> VictimValues = new HashSet<string>
    {
        "people", "civilians", "combatants", "children", "women", "soldiers", "fighters", "police", "journalists", "aid_workers",
    };

    public PhraseIndex<string> Outcomes { get; } = new();

    public PhraseIndex<string> Victims { get; } = new();

    public PhraseIndex<string> AggregateCues { get; } = new();

    public static FigureLexicon Load(string lexiconDirectory)
    {
        var lexicon = new FigureLexicon();
        foreach (var row in Tsv.Read(Path.Combine(lexiconDirectory, "casualty_words.tsv"), "phrase", "outcome"))
        {
            if (!OutcomeValues.Contains(row["outcome"]))
            {
                throw row.Error($"unknown outcome '{row["outcome"]}'");
            }
            lexicon.Outcomes.Add(row["phrase"], row["outcome"]);
        }
        foreach (var row in Tsv.Read(Path.Combine(lexiconDirectory, "victims.tsv"), "phrase", "victims"))
        {
            if (!VictimValues.Contains(row["victims"]))
            {
                throw row.Error($"unknown victims value '{row["victims"]}'");
            }
            lexicon.Victims.Add(row["phrase"], row["victims"]);
        }
        foreach (var row in Tsv.Read(Path.Combine(lexiconDirectory, "scope_cues.tsv"), "phrase"))
        {
            lexicon.AggregateCues.Add(row["phrase"], "aggregate");
        }
        return lexicon;
    }
}
