using Sitrep.Core.Data;

namespace Sitrep.Extraction.Attribution;

/// <summary>Titles, speaker nouns, time words and speech verbs (lemmas) for reading who speaks (data/lexicon/speakers.tsv).</summary>
public sealed class SpeakerLexicon
{
    private readonly HashSet<string> _titles = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _nouns = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _time = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _speech = new(StringComparer.OrdinalIgnoreCase);

    public static SpeakerLexicon Load(string path)
    {
        var lexicon = new SpeakerLexicon();
        foreach (var row in Tsv.Read(path, "word", "kind"))
        {
            var set = row["kind"] switch
            {
                "title" => lexicon._titles,
                "speaker_noun" => lexicon._nouns,
                "time" => lexicon._time,
                "speech_verb" => lexicon._speech,
                var other => throw row.Error($"kind must be title, speaker_noun, time or speech_verb, not '{other}'"),
            };
            set.Add(row["word"]);
        }
        return lexicon;
    }

    public bool IsTitle(string word) => _titles.Contains(word);

    public bool IsSpeakerNoun(string word) => _nouns.Contains(word);

    public bool IsTime(string word) => _time.Contains(word);

    /// <summary>A verb of saying, by its lemma ("told" and "telling" are "tell").</summary>
    public bool IsSpeechVerb(string lemma) => _speech.Contains(lemma);
}
