using Sitrep.Core.Annotations;
using Sitrep.Core.Data;

namespace Sitrep.Extraction.Lexical;

/// <summary>The four parts of speech WordNet lemmatises.</summary>
public enum WordClass
{
    Noun,
    Verb,
    Adjective,
    Adverb,
}

/// <summary>
/// English words as a lexical resource describes them, not as we type them: lemmas and
/// irregular forms from WordNet 3.0 (Debian <c>wordnet-base</c>), the most frequent Penn tags
/// of each form from the Brill tagger's lexicon (npm <c>brill</c>), both laid out by
/// <c>scripts/setup-lexicon</c>; the detachment rules and closed-class words from data/.
/// </summary>
public sealed class Lexicon
{
    private static readonly string[] Files = ["index.noun", "index.verb", "index.adj", "index.adv", "noun.exc", "verb.exc", "adj.exc", "adv.exc", "brill.tsv"];

    private readonly HashSet<string>[] _lemmas = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private readonly Dictionary<string, string>[] _irregular = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private readonly List<(string Suffix, string Base)>[] _rules = [[], [], [], []];
    private readonly Dictionary<string, string[]> _tags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _function = new(StringComparer.Ordinal);

    /// <summary>
    /// The directory with the WordNet and Brill files: $SITREP_LEXICON, else the nearest
    /// <c>.cache/lexicon</c> above the binaries (where the set-up script puts it).
    /// </summary>
    public static string DefaultDirectory()
    {
        var env = Environment.GetEnvironmentVariable("SITREP_LEXICON");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".cache", "lexicon");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "sitrep", "lexicon");
    }

    public static Lexicon Load(string directory, string inflectionsTsv, string functionWordsTsv)
    {
        var missing = Files.Where(f => !File.Exists(Path.Combine(directory, f))).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException(
                $"lexicon: {directory} lacks {string.Join(", ", missing)}; run scripts/setup-lexicon (or set SITREP_LEXICON)");
        }
        var lexicon = new Lexicon();
        string[] names = ["noun", "verb", "adj", "adv"];
        for (int c = 0; c < 4; c++)
        {
            foreach (var line in File.ReadLines(Path.Combine(directory, "index." + names[c])))
            {
                if (line.Length > 0)
                {
                    lexicon._lemmas[c].Add(line);
                }
            }
            foreach (var line in File.ReadLines(Path.Combine(directory, names[c] + ".exc")))
            {
                var parts = line.Split(' ');
                if (parts.Length >= 2)
                {
                    lexicon._irregular[c].TryAdd(parts[0], parts[1]);
                }
            }
        }
        foreach (var line in File.ReadLines(Path.Combine(directory, "brill.tsv")).Skip(1))
        {
            int tab = line.IndexOf('\t');
            if (tab > 0)
            {
                lexicon._tags[line[..tab]] = line[(tab + 1)..].Split(' ');
            }
        }
        foreach (var row in Tsv.Read(inflectionsTsv, "pos", "suffix", "base"))
        {
            int c = Array.IndexOf(names, row["pos"]);
            if (c < 0 || c == 3 || row["suffix"].Length == 0)
            {
                throw row.Error("pos must be noun, verb or adj, with a suffix");
            }
            lexicon._rules[c].Add((row["suffix"], row["base"] == "-" ? "" : row["base"]));
        }
        foreach (var row in Tsv.Read(functionWordsTsv, "word", "class"))
        {
            if (row["class"] is not ("auxiliary" or "coordinator" or "subordinator" or "relative" or "negator"))
            {
                throw row.Error($"unknown class '{row["class"]}'");
            }
            lexicon._function[row["word"]] = row["class"];
        }
        return lexicon;
    }

    public int LemmaCount => _lemmas.Sum(l => l.Count);

    public int TaggedForms => _tags.Count;

    /// <summary>The class data/lexicon/function_words.tsv gives a lower-case word, else null.</summary>
    public string? FunctionClass(string lower) => _function.GetValueOrDefault(lower);

    /// <summary>The Penn tags of a form, most frequent first: as written, else lower-cased; empty when unknown.</summary>
    public IReadOnlyList<string> Tags(string written, string lower) =>
        _tags.TryGetValue(written, out var t) || _tags.TryGetValue(lower, out t) ? t : [];

    public bool IsLemma(string lower, WordClass c) => _lemmas[(int)c].Contains(lower);

    /// <summary>WordNet's morphy: exceptions, the form itself, then each detachment rule; null when none is a lemma.</summary>
    public string? Lemma(string lower, WordClass c)
    {
        int i = (int)c;
        if (_irregular[i].TryGetValue(lower, out var irregular))
        {
            return irregular;
        }
        if (_lemmas[i].Contains(lower))
        {
            return lower;
        }
        foreach (var (suffix, replacement) in _rules[i])
        {
            if (lower.Length > suffix.Length + 1 && lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                var candidate = string.Concat(lower.AsSpan(0, lower.Length - suffix.Length), replacement);
                if (_lemmas[i].Contains(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The lemma patterns are matched on, whatever the word's role in its sentence: the verb's
    /// lemma when the form is a verb form, else the noun's, else the adjective's, else the form.
    /// The same function folds a pattern's words and a text's tokens, so both sides agree.
    /// </summary>
    public string Base(string lower)
    {
        if (_function.ContainsKey(lower))
        {
            return lower;
        }
        return Lemma(lower, WordClass.Verb) ?? Lemma(lower, WordClass.Noun) ?? Lemma(lower, WordClass.Adjective) ?? lower;
    }

    /// <summary>The coarse part of speech of a Penn tag.</summary>
    public static PartOfSpeech Coarse(string tag) => tag switch
    {
        "NN" or "NNS" => PartOfSpeech.Noun,
        "NNP" or "NNPS" => PartOfSpeech.ProperNoun,
        "VB" or "VBD" or "VBG" or "VBN" or "VBP" or "VBZ" => PartOfSpeech.Verb,
        "MD" => PartOfSpeech.Auxiliary,
        "JJ" or "JJR" or "JJS" => PartOfSpeech.Adjective,
        "RB" or "RBR" or "RBS" or "WRB" => PartOfSpeech.Adverb,
        "IN" or "TO" => PartOfSpeech.Adposition,
        "DT" or "PDT" or "WDT" => PartOfSpeech.Determiner,
        "PRP" or "PRP$" or "WP" or "WP$" or "EX" => PartOfSpeech.Pronoun,
        "CD" => PartOfSpeech.Numeral,
        "CC" => PartOfSpeech.Conjunction,
        "RP" or "POS" => PartOfSpeech.Particle,
        "SYM" or "$" or "#" => PartOfSpeech.Symbol,
        _ when tag.Length > 0 && !char.IsLetter(tag[0]) => PartOfSpeech.Punctuation,
        _ => PartOfSpeech.Other,
    };

    /// <summary>The WordNet class a Penn tag's lemma is looked up in, or null for closed classes.</summary>
    public static WordClass? ClassOf(string tag) => Coarse(tag) switch
    {
        PartOfSpeech.Noun => WordClass.Noun,
        PartOfSpeech.Verb => WordClass.Verb,
        PartOfSpeech.Adjective => WordClass.Adjective,
        PartOfSpeech.Adverb => WordClass.Adverb,
        _ => null,
    };
}
