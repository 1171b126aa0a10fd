using Sitrep.Core;
using Sitrep.Core.Data;
using Sitrep.Gazetteer;

namespace Sitrep.Extraction.Places;

/// <summary>
/// Words the place recogniser reads context with (data/lexicon/place_context.tsv): compass
/// directions that start region names, capitalised words that are never places, verbs and
/// nouns that make a country an agent, and the countries' demonyms (data/actors/countries.tsv),
/// which vote for a story's focus country without being places themselves.
/// </summary>
public sealed class PlaceLexicon
{
    private readonly HashSet<string> _directions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notPlaces = new(StringComparer.Ordinal);
    private readonly HashSet<string> _agentVerbs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _agentNouns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _demonyms = new(StringComparer.Ordinal);

    public static PlaceLexicon Load(string contextTsv, IEnumerable<(string Demonym, string Country)> demonyms)
    {
        var lexicon = new PlaceLexicon();
        foreach (var row in Tsv.Read(contextTsv, "word", "kind"))
        {
            var set = row["kind"] switch
            {
                "direction" => lexicon._directions,
                "not_place" => lexicon._notPlaces,
                "agent_verb" => lexicon._agentVerbs,
                "agent_noun" => lexicon._agentNouns,
                var other => throw row.Error($"kind must be direction, not_place, agent_verb or agent_noun, not '{other}'"),
            };
            set.Add(PlaceNameKey.Exact(row["word"]));
        }
        foreach (var (demonym, country) in demonyms)
        {
            lexicon._demonyms.TryAdd(demonym, country);
        }
        return lexicon;
    }

    public bool IsDirection(string folded) => _directions.Contains(folded);

    public bool IsNotPlace(string folded) => _notPlaces.Contains(folded);

    public bool IsAgentVerb(string word) => _agentVerbs.Contains(word);

    public bool IsAgentNoun(string word) => _agentNouns.Contains(word);

    public string? DemonymCountry(string word) => _demonyms.GetValueOrDefault(word);

    public Dictionary<string, int> CountDemonyms(Document document)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in document.Tokens)
        {
            if (t.Kind == Core.Annotations.TokenKind.Word && char.IsUpper(document.Text[t.Start]) &&
                _demonyms.TryGetValue(document.Text.Substring(t.Start, t.Span.Length), out var country))
            {
                counts[country] = counts.GetValueOrDefault(country) + 1;
            }
        }
        return counts;
    }
}
