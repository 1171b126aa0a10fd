using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Core.Pipeline;
using Sitrep.Extraction.Actors;
using Sitrep.Extraction.Matching;
using Sitrep.Gazetteer;

namespace Sitrep.Extraction.Places;

/// <summary>
/// Finds the places a report uses as locations and resolves each to a gazetteer entry.
/// Candidates are capitalised spans (and "northwest Syria"-style phrases) that the gazetteer
/// knows, minus names of actors and sources. A country or capital used as a speaker or agent
/// ("Russia said", "designated by Washington") is metonymy: it becomes a government actor.
/// Ambiguous names go to the entry that best fits the document's focus country, the admin
/// level the text names ("Idlib province"), population and nearby places.
/// </summary>
public sealed class PlaceRecognizer : IAnnotator
{
    private static readonly HashSet<string> DivisionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "province", "provinces", "governorate", "governorates", "region", "regions", "state", "states", "oblast",
        "oblasts", "district", "districts", "county", "prefecture", "department", "krai",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "al", "el", "an", "ar", "as", "ash", "at", "ad", "az", "ad-", "de", "del", "des", "du", "la", "le", "of", "bin",
        "ibn", "abu", "um", "umm", "ben", "bou", "ez", "es", "ed", "sur", "am", "upon", "on",
    };

    private readonly Gazetteer.Gazetteer _gazetteer;
    private readonly ActorDictionary _actors;
    private readonly PlaceLexicon _lexicon;

    public PlaceRecognizer(Gazetteer.Gazetteer gazetteer, ActorDictionary actors, PlaceLexicon lexicon)
    {
        _gazetteer = gazetteer;
        _actors = actors;
        _lexicon = lexicon;
    }

    public string Name => "places";

    public IReadOnlyList<string> Requires => [Layers.Sentences, Layers.Tokens, Layers.Dateline];

    public IReadOnlyList<string> Provides => [Layers.Places];

    private sealed record Candidate(int First, int Count, TextSpan Span, IReadOnlyList<GazetteerEntry> Entries, bool Exact, string? WantKind);

    public void Annotate(Document document)
    {
        var folded = FoldedTokens.Of(document);
        var claimed = ClaimedByActors(document, folded);
        var commonWords = LowercaseWords(document);
        var candidates = FindCandidates(document, folded, claimed, commonWords);
        document.FocusCountry = FocusCountry(document, candidates);
        var mentioned = MentionedCountries(document, candidates);

        var resolved = new List<(Candidate C, GazetteerEntry E, string Why)>();
        var entries = new ResolvedEntries();
        foreach (var c in candidates.OrderBy(c => c.Entries.Count))
        {
            var (entry, why) = Choose(document, c, entries, mentioned);
            if (entry is null)
            {
                continue;
            }
            if ((entry.Kind is PlaceKind.Country || entry.FeatureCode is "PPLC" || IsSeat(document, c)) && IsMetonymic(document, c))
            {
                AddGovernment(document, c, entry.Country);
                continue;
            }
            // "Congo's capital" is the capital city itself.
            if (entry.Kind == PlaceKind.Country && CapitalOf(document, c, entry) is { } capital)
            {
                resolved.Add(capital);
                entries.Add(capital.E);
            }
            // A country is a place only where the text puts something in it ("in Syria", "Syria's north").
            if (entry.Kind == PlaceKind.Country && !IsLocative(document, c))
            {
                // Otherwise it names the state: "embassies of Rwanda", "blamed Israel".
                if (!InNationalityList(document, c))
                {
                    AddGovernment(document, c, entry.Country);
                }
                continue;
            }
            resolved.Add((c, entry, why));
            entries.Add(entry);
        }
        // A small town that only a transliteration matched, or that lies far from every other place in the
        // story, is a namesake of one the gazetteer lacks.
        var nearby = new Dictionary<GazetteerEntry, bool>();
        bool Nearby(GazetteerEntry town)
        {
            if (!nearby.TryGetValue(town, out var near))
            {
                nearby[town] = near = entries.All.Any(o => o != town && o.Kind is not (PlaceKind.Country or PlaceKind.Region) &&
                                                           Geo.Km(o.Lat, o.Lon, town.Lat, town.Lon) < 250);
            }
            return near;
        }
        var namesakes = resolved.Where(r => r.E.Kind == PlaceKind.PopulatedPlace && r.E.Population < 5000 && (!r.C.Exact || !Nearby(r.E)))
            .ToHashSet();
        resolved.RemoveAll(namesakes.Contains);

        foreach (var (c, e, why) in resolved.OrderBy(r => r.C.Span.Start))
        {
            var written = document.SharedSlice(c.Span);
            // A town goes by the English spelling the report uses ("Hama"), not GeoNames' transliteration ("Ḩamāh").
            bool useWritten = c.Exact && e.Kind == PlaceKind.PopulatedPlace && written.Any(char.IsLower) &&
                              !written.Contains('\'') && !written.Contains('’') &&
                              !written.Contains('\n');
            document.Places.Add(new PlaceMention
            {
                Text = written,
                Start = c.Span.Start,
                End = c.Span.End,
                Name = useWritten ? written : e.Name,
                Kind = e.Kind,
                Country = e.Country,
                Admin1 = e.Kind == PlaceKind.Country ? null : e.Admin1,
                Lat = Math.Round(e.Lat, 5),
                Lon = Math.Round(e.Lon, 5),
                GeonamesId = e.GeonamesId,
                Confidence = Math.Round(c.Entries.Count == 1 ? (c.Exact ? 0.95 : 0.8) : (c.Exact ? 0.75 : 0.6), 2),
                Explanation = document.Shared(why),
            });
        }
    }

    /// <summary>Token ranges that name actors, sources or generic forces: never places.</summary>
    private bool[] ClaimedByActors(Document document, FoldedTokens folded)
    {
        var claimed = new bool[document.Tokens.Count];
        foreach (var m in _actors.Phrases.FindAll(document, folded))
        {
            if (m.Value is Metonym)
            {
                continue;
            }
            for (int i = m.FirstToken; i < m.FirstToken + m.TokenCount; i++)
            {
                claimed[i] = true;
            }
        }
        for (int i = 0; i < document.Tokens.Count; i++)
        {
            var word = document.Text.Substring(document.Tokens[i].Start, document.Tokens[i].Span.Length);
            // "Syrian", "Sudanese", "Syrians" name people, not places.
            if (_lexicon.DemonymCountry(word) is not null || (word.EndsWith('s') && _lexicon.DemonymCountry(word[..^1]) is not null))
            {
                claimed[i] = true;
            }
        }
        foreach (var caption in document.Captions)
        {
            if (caption.Credit is TextSpan credit)
            {
                for (int i = 0; i < document.Tokens.Count; i++)
                {
                    if (credit.Contains(document.Tokens[i].Start))
                    {
                        claimed[i] = true;
                    }
                }
            }
        }
        return claimed;
    }

    private List<Candidate> FindCandidates(Document document, FoldedTokens folded, bool[] claimed, HashSet<string> commonWords)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var found = new List<Candidate>();
        int maxWords = Math.Min(_gazetteer.MaxWords, 6);
        int i = 0;
        while (i < tokens.Count)
        {
            if (claimed[i] || tokens[i].Kind != TokenKind.Word)
            {
                i++;
                continue;
            }
            bool startsUpper = char.IsUpper(text[tokens[i].Start]);
            bool direction = _lexicon.IsDirection(folded[i]);
            if (!startsUpper && !direction)
            {
                i++;
                continue;
            }
            // Part of a longer proper name ("Benjamin Netanyahu", "Gold Apollo", "Sham FM"): not a place.
            var run = NameRun(document, folded, commonWords, i);
            Candidate? best = null;
            int exactWords = _gazetteer.LongestStartingWith(folded[i]);
            for (int n = Math.Min(Math.Max(exactWords * 2 + 1, 3), Math.Min(maxWords + 1, tokens.Count - i)); n >= 1 && best is null; n--)
            {
                int last = i + n - 1;
                if (!SpanAllowed(document, folded, claimed, i, n))
                {
                    continue;
                }
                if (!startsUpper && n == 1)
                {
                    continue;
                }
                var key = folded.Key(i, n);
                if (string.IsNullOrEmpty(key) || (n == 1 && (_lexicon.IsNotPlace(key) || commonWords.Contains(key))))
                {
                    continue;
                }
                // "Idlib province": the division word is part of the name when the gazetteer knows the pair.
                if (last + 1 < tokens.Count && DivisionWords.Contains(folded[last + 1]) && tokens[last + 1].SentenceIndex == tokens[i].SentenceIndex &&
                    folded.Key(i, n + 1) is { } withDivision && _gazetteer.LookupExact(withDivision) is { Count: > 0 } divisions)
                {
                    var divisionKind = folded[last + 1].StartsWith("district", StringComparison.Ordinal) ? PlaceKind.District : PlaceKind.Admin1;
                    best = new Candidate(i, n + 1, new TextSpan(tokens[i].Start, tokens[last + 1].End), divisions, true, divisionKind);
                    break;
                }
                if (startsUpper && (run.First < i || run.Last > last) && !PartOfKnownName(document, folded, run, i, last))
                {
                    continue;
                }
                // "Sudan's North Darfur state": a possessive phrase gives way to the name that follows it.
                if (HasPossessive(document, i, last) && last + 1 < tokens.Count && tokens[last + 1].SentenceIndex == tokens[i].SentenceIndex &&
                    char.IsUpper(text[tokens[last + 1].Start]))
                {
                    continue;
                }
                var span = new TextSpan(tokens[i].Start, tokens[last].End);
                var exact = _gazetteer.LookupExact(key);
                bool isExact = exact.Count > 0;
                IReadOnlyList<GazetteerEntry> entries = exact;
                if (!isExact && startsUpper && key.Length >= 5 && n <= 4 && !HasPossessive(document, i, last))
                {
                    var skeleton = PlaceNameKey.Skeleton(key);
                    entries = skeleton.Length >= 3
                        ? _gazetteer.LookupSkeleton(skeleton).Where(e => SimilarSpelling(key, e.Name)).ToList()
                        : [];
                }
                if (entries.Count == 0)
                {
                    continue;
                }
                // "Idlib province", "Aleppo, Hama and Latakia provinces": the text names the level.
                string? wantKind = null;
                int extra = 0;
                if (last + 1 < tokens.Count && DivisionWords.Contains(folded[last + 1]))
                {
                    wantKind = folded[last + 1].StartsWith("district", StringComparison.Ordinal) ? PlaceKind.District : PlaceKind.Admin1;
                    extra = 1;
                }
                else if (ListEndsWithDivision(document, folded, last) is string listKind)
                {
                    wantKind = listKind;
                }
                var fullSpan = extra == 1 ? new TextSpan(span.Start, tokens[last + 1].End) : span;
                best = new Candidate(i, n + extra, fullSpan, entries, isExact, wantKind);
            }
            if (best is null)
            {
                i++;
                continue;
            }
            found.Add(best);
            i += best.Count;
        }
        return found;
    }

    private static bool SpanAllowed(Document document, FoldedTokens folded, bool[] claimed, int first, int n)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        int sentence = tokens[first].SentenceIndex;
        for (int k = first; k < first + n; k++)
        {
            if (claimed[k] || tokens[k].SentenceIndex != sentence)
            {
                return false;
            }
            if (tokens[k].Kind == TokenKind.Word && !char.IsUpper(text[tokens[k].Start]) && k > first &&
                !Connectors.Contains(folded[k]) && !(k > 0 && text[tokens[k].Start - 1] is '\'' or '’' or '-') &&
                !text.AsSpan(tokens[k].Start, tokens[k].Span.Length).ContainsAnyInRange('A', 'Z'))
            {
                return false;
            }
        }
        var lastToken = tokens[first + n - 1];
        return lastToken.Kind is TokenKind.Word or TokenKind.Number && !Connectors.Contains(folded[first + n - 1]);
    }

    /// <summary>"Aleppo, Hama and Latakia provinces": a list closed by a plural division word.</summary>
    private static string? ListEndsWithDivision(Document document, FoldedTokens folded, int last)
    {
        var tokens = document.Tokens;
        int sentence = tokens[last].SentenceIndex;
        for (int k = last + 1; k < Math.Min(tokens.Count, last + 12) && tokens[k].SentenceIndex == sentence; k++)
        {
            var f = folded[k];
            if (f is "provinces" or "governorates" or "regions" or "states" or "oblasts")
            {
                return PlaceKind.Admin1;
            }
            bool listy = f.Length == 0 || f == "and" || char.IsUpper(document.Text[tokens[k].Start]);
            if (!listy)
            {
                return null;
            }
        }
        return null;
    }

    private string? FocusCountry(Document document, List<Candidate> candidates)
    {
        var votes = new Dictionary<string, double>(StringComparer.Ordinal);
        void Vote(string? country, double weight)
        {
            if (country is not null)
            {
                votes[country] = votes.GetValueOrDefault(country) + weight;
            }
        }
        foreach (var c in candidates)
        {
            var top = c.Entries.MaxBy(e => e.Population)!;
            Vote(top.Country, top.Kind == PlaceKind.Country ? 2 : c.Entries.Count == 1 ? 1.5 : 1);
        }
        foreach (var (country, count) in _lexicon.CountDemonyms(document))
        {
            Vote(country, count);
        }
        if (document.Dateline is { } dateline)
        {
            var (entries, _) = _gazetteer.Lookup(dateline.Place);
            Vote(entries.OrderByDescending(e => e.Population).FirstOrDefault()?.Country, 2);
        }
        return votes.Count == 0 ? null : votes.MaxBy(kv => kv.Value).Key;
    }

    private (GazetteerEntry? Entry, string Why) Choose(Document document, Candidate c, ResolvedEntries resolved, HashSet<string> mentioned)
    {
        GazetteerEntry? best = null;
        double bestScore = double.NegativeInfinity;
        string why = "";
        foreach (var e in c.Entries)
        {
            double score = Math.Log10(e.Population + 10) / 2;
            var reasons = new List<string> { $"pop {e.Population}" };
            if (e.Country is not null && e.Country == document.FocusCountry)
            {
                score += 3;
                reasons.Add("in focus country");
            }
            if (c.WantKind is not null)
            {
                if (e.Kind == c.WantKind)
                {
                    score += 6;
                    reasons.Add($"text names a {c.WantKind}");
                }
            }
            else if (e.Kind == PlaceKind.Admin1)
            {
                // A bare name is a town before a province ("Aleppo"), unless only the province fits.
                score -= 1.5;
            }
            if (e.Kind is PlaceKind.Country or PlaceKind.Region)
            {
                score += 2;
            }
            if (e.FeatureCode == "CURATED")
            {
                score += 1;
            }
            if (resolved.HasNear(e))
            {
                score += 1.5;
                reasons.Add("near other places in the text");
            }
            if (score > bestScore)
            {
                bestScore = score;
                best = e;
                why = string.Join(", ", reasons);
            }
        }
        if (best is null)
        {
            return (null, "");
        }
        // A transliteration match must be in a country the story is about, and not the subject of a verb ("Peskov said").
        if (!c.Exact && (best.Country is null || !mentioned.Contains(best.Country) || FollowedByVerb(document, c)))
        {
            return (null, "");
        }
        // A foreign namesake in a country the story never mentions is not what the text means.
        if (best.Kind is not (PlaceKind.Country or PlaceKind.Region) && best.Country is not null && !mentioned.Contains(best.Country) &&
            best.Population < 1_000_000 && best.FeatureCode != "PPLC")
        {
            return (null, "");
        }
        if (c.Count == 1 && best.Population < 1000 && best.Country != document.FocusCountry && best.Kind == PlaceKind.PopulatedPlace)
        {
            return (null, "");
        }
        return (best, $"{best.Name} ({best.Kind}, {best.Country}) of {c.Entries.Count} candidate(s): {why}");
    }

    /// <summary>
    /// The distinct entries resolved so far. A long report names the same towns again and again:
    /// whether a candidate lies near one of them is asked once per entry, and again only of the
    /// entries resolved since (once near, always near, as entries are only added).
    /// </summary>
    private sealed class ResolvedEntries
    {
        private const double NearKm = 150;
        private readonly List<GazetteerEntry> _entries = [];
        private readonly HashSet<GazetteerEntry> _seen = [];
        private readonly Dictionary<GazetteerEntry, (int Checked, bool Near)> _near = [];

        public IReadOnlyList<GazetteerEntry> All => _entries;

        public void Add(GazetteerEntry entry)
        {
            if (_seen.Add(entry))
            {
                _entries.Add(entry);
            }
        }

        public bool HasNear(GazetteerEntry e)
        {
            var (done, near) = _near.GetValueOrDefault(e);
            for (; !near && done < _entries.Count; done++)
            {
                var r = _entries[done];
                near = r.Kind != PlaceKind.Country && Geo.Km(r.Lat, r.Lon, e.Lat, e.Lon) < NearKm;
            }
            _near[e] = (done, near);
            return near;
        }
    }

    /// <summary>Words the document also writes in lower case ("in", "most", "over") are common words, not names.</summary>
    private static HashSet<string> LowercaseWords(Document document)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in document.Tokens)
        {
            if (t.Kind == TokenKind.Word && char.IsLower(document.Text[t.Start]))
            {
                words.Add(document.Text.Substring(t.Start, t.Span.Length));
            }
        }
        return words;
    }

    /// <summary>The maximal run of capitalised words (with name connectors) around a token.</summary>
    private (int First, int Last) NameRun(Document document, FoldedTokens folded, HashSet<string> commonWords, int i)
    {
        bool Capital(int k) => k >= 0 && k < document.Tokens.Count && document.Tokens[k].SentenceIndex == document.Tokens[i].SentenceIndex &&
                               document.Tokens[k].Kind == TokenKind.Word &&
                               document.Text.AsSpan(document.Tokens[k].Start, document.Tokens[k].Span.Length).ContainsAnyInRange('A', 'Z') &&
                               !commonWords.Contains(folded[k]) && !_lexicon.IsNotPlace(folded[k]) && !IsGluedPossessive(document, k);
        bool Inner(int k) => Capital(k) || (k >= 0 && k < document.Tokens.Count && Connectors.Contains(folded[k]) && Capital(k - 1) && Capital(k + 1));
        int first = i, last = i;
        while (Inner(first - 1) && !IsGluedPossessive(document, first))
        {
            first--;
        }
        while (Inner(last + 1))
        {
            last++;
        }
        return (first, last);
    }

    /// <summary>Titles and division words may share a run with a place ("Kyiv Mayor", "North Darfur State").</summary>
    private bool PartOfKnownName(Document document, FoldedTokens folded, (int First, int Last) run, int first, int last)
    {
        for (int k = run.First; k <= run.Last; k++)
        {
            if (k >= first && k <= last)
            {
                continue;
            }
            if (!DivisionWords.Contains(folded[k]) && !_lexicon.IsNotPlace(folded[k]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsGluedPossessive(Document document, int k) =>
        document.Tokens[k].Start > 0 && document.Text[document.Tokens[k].Start - 1] is '\'' or '’' &&
        document.Tokens[k].Span.Length == 1;

    private static bool HasPossessive(Document document, int first, int last)
    {
        for (int k = first + 1; k <= last; k++)
        {
            if (IsGluedPossessive(document, k))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A transliteration differs in a few letters, not in shape: same first consonant, edit distance within 40%.</summary>
    private static bool SimilarSpelling(string key, string name)
    {
        var other = PlaceNameKey.Exact(name);
        var (a, b) = (PlaceNameKey.Skeleton(key), PlaceNameKey.Skeleton(other));
        if (a.Length == 0 || b.Length == 0 || a[0] != b[0])
        {
            return false;
        }
        var (x, y) = (PlaceNameKey.WithoutArticles(key), PlaceNameKey.WithoutArticles(other));
        return PlaceNameKey.EditDistance(x, y) <= Math.Max(2, 0.4 * Math.Max(x.Length, y.Length));
    }

    private HashSet<string> MentionedCountries(Document document, List<Candidate> candidates)
    {
        var countries = new HashSet<string>(StringComparer.Ordinal);
        if (document.FocusCountry is not null)
        {
            countries.Add(document.FocusCountry);
        }
        foreach (var c in candidates)
        {
            foreach (var e in c.Entries.Where(e => e.Kind == PlaceKind.Country && c.Exact))
            {
                countries.Add(e.Country!);
            }
        }
        countries.UnionWith(_lexicon.CountDemonyms(document).Keys);
        return countries;
    }

    private static readonly HashSet<string> LocativeWords = new(StringComparer.Ordinal)
    {
        "in", "into", "inside", "across", "throughout", "to", "near", "from", "within", "at", "of", "around", "outside",
        "toward", "towards", "entered", "left", "fled", "reached", "through", "over", "under", "on", "all",
    };

    private static readonly HashSet<string> GeographicNouns = new(StringComparer.Ordinal)
    {
        "north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast", "northern", "southern",
        "eastern", "western", "central", "capital", "city", "cities", "territory", "border", "borders", "coast",
        "region", "regions", "province", "provinces", "side", "airspace", "soil", "part", "parts", "civil", "largest",
        "second", "third", "fourth", "main", "biggest", "frontier", "interior", "countryside", "heartland", "north-west",
        "north-east", "south-west", "south-east",
    };

    /// <summary>"in Syria", "from Lebanon", "Syria's north", "Ukraine's northeastern Kharkiv region".</summary>
    private static bool IsLocative(Document document, Candidate c)
    {
        var tokens = document.Tokens;
        string Word(int k) => document.Text.Substring(tokens[k].Start, tokens[k].Span.Length).ToLowerInvariant();
        int after = c.First + c.Count;
        if (after + 2 < tokens.Count && document.Text[tokens[after].Start] is '\'' or '’')
        {
            // "Syria's north" is a place; "Russia's Wagner Group" and "Mali's army" are not.
            var noun = Word(after + 2);
            return GeographicNouns.Contains(noun) || noun.EndsWith("-largest", StringComparison.Ordinal);
        }
        int before = c.First - 1;
        if (before >= 0 && Word(before) == "the")
        {
            before--;
        }
        if (before < 0 || tokens[before].SentenceIndex != tokens[c.First].SentenceIndex)
        {
            return false;
        }
        var preposition = Word(before);
        if (preposition == "of")
        {
            // "north of Syria", "parts of Syria", but not "embassies of Rwanda".
            return before > 0 && (GeographicNouns.Contains(Word(before - 1)) || Word(before - 1) is "outskirts" or "rest" or "all" or "most" or "much");
        }
        return LocativeWords.Contains(preposition);
    }

    private bool FollowedByVerb(Document document, Candidate c)
    {
        int after = c.First + c.Count;
        if (after >= document.Tokens.Count)
        {
            return false;
        }
        var next = document.Text.Substring(document.Tokens[after].Start, document.Tokens[after].Span.Length).ToLowerInvariant();
        return _lexicon.IsAgentVerb(next) || next is "also" or "has" or "had" or "was" or "is" or "will" or "would";
    }

    /// <summary>"crew from countries including Bulgaria, the Philippines and Mexico": nationalities, not actors.</summary>
    private static bool InNationalityList(Document document, Candidate c)
    {
        var sentence = document.Sentences[document.Tokens[c.First].SentenceIndex];
        var before = document.Text.Substring(sentence.Start, c.Span.Start - sentence.Start).ToLowerInvariant();
        return before.Contains("including") || before.Contains("nationals of") || before.Contains("citizens of");
    }

    private (Candidate C, GazetteerEntry E, string Why)? CapitalOf(Document document, Candidate c, GazetteerEntry country)
    {
        var tokens = document.Tokens;
        int after = c.First + c.Count;
        if (after + 2 >= tokens.Count || document.Text[tokens[after].Start] is not ('\'' or '’') ||
            document.Text.Substring(tokens[after + 2].Start, tokens[after + 2].Span.Length) != "capital" ||
            _actors.Country(country.Country)?.Seats.FirstOrDefault() is not { } seat)
        {
            return null;
        }
        var city = _gazetteer.LookupExact(PlaceNameKey.Exact(seat)).Where(e => e.Country == country.Country && e.Kind == PlaceKind.PopulatedPlace)
            .OrderByDescending(e => e.FeatureCode == "PPLC").ThenByDescending(e => e.Population).FirstOrDefault();
        if (city is null)
        {
            return null;
        }
        var span = new TextSpan(c.Span.Start, tokens[after + 2].End);
        return (new Candidate(c.First, after + 3 - c.First, span, [city], true, null), city, $"capital of {country.Name}");
    }

    private bool IsSeat(Document document, Candidate c) =>
        _actors.Phrases.Lookup(document.Slice(c.Span)).OfType<Metonym>().Any();

    /// <summary>A country or seat of power that speaks or acts: "Russia said", "by Washington", "Kyiv's allies".</summary>
    private bool IsMetonymic(Document document, Candidate c)
    {
        var tokens = document.Tokens;
        int after = c.First + c.Count;
        int sentence = tokens[c.First].SentenceIndex;
        string Next(int k) => k < tokens.Count && tokens[k].SentenceIndex == sentence
            ? document.Text.Substring(tokens[k].Start, tokens[k].Span.Length).ToLowerInvariant()
            : "";
        var next = Next(after);
        if (next is "'" or "’" && Next(after + 1) == "s")
        {
            return _lexicon.IsAgentNoun(Next(after + 2));
        }
        if (_lexicon.IsAgentVerb(next))
        {
            return true;
        }
        // "Russia and Turkey brokered", "the U.S. and Britain said"
        if (next == "and")
        {
            for (int k = after + 2; k <= after + 5; k++)
            {
                var word = Next(k);
                if (_lexicon.IsAgentVerb(word))
                {
                    return true;
                }
                if (word.Length == 0 || !char.IsLetter(word[0]))
                {
                    break;
                }
            }
        }
        var previous = c.First > 0 && tokens[c.First - 1].SentenceIndex == sentence
            ? document.Text.Substring(tokens[c.First - 1].Start, tokens[c.First - 1].Span.Length).ToLowerInvariant()
            : "";
        if (previous == "the" && c.First > 1)
        {
            previous = document.Text.Substring(tokens[c.First - 2].Start, tokens[c.First - 2].Span.Length).ToLowerInvariant();
        }
        if (previous is "by" or "ally" or "allies" or "with" or "against" or "accused" or "urged")
        {
            return !(previous == "by" && next is "'" or "’");
        }
        // The second of "by Russia and the U.S.": look back over the coordination.
        if (previous == "and")
        {
            int k = c.First - 2;
            while (k >= 0 && tokens[k].SentenceIndex == sentence && k > c.First - 6)
            {
                var word = document.Text.Substring(tokens[k].Start, tokens[k].Span.Length).ToLowerInvariant();
                if (word is "by" or "between")
                {
                    return true;
                }
                k--;
            }
        }
        return false;
    }

    private void AddGovernment(Document document, Candidate c, string? country)
    {
        var actor = _actors.StateActor("government", country);
        if (actor is null)
        {
            return;
        }
        document.Actors.Add(new ActorMention
        {
            Text = document.Slice(c.Span),
            Start = c.Span.Start,
            End = c.Span.End,
            Name = actor.Name,
            Type = actor.Type,
            Country = actor.Country,
            IsMetonym = true,
        });
    }
}
