using Sitrep.Core.Annotations;
using Sitrep.Core.Data;
using Sitrep.Extraction.Actors;
using Sitrep.Extraction.Events;
using Sitrep.Extraction.Figures;
using Sitrep.Extraction.Places;
using Sitrep.Extraction.Segmentation;
using Sitrep.Ingest.Cleaning;

namespace Sitrep.Tests.Data;

/// <summary>Every dictionary under data/ loads, and every entry passes its loader's checks.</summary>
public class DataFileTests
{
    [Fact]
    public void Actor_dictionary_loads_with_the_coverage_the_project_promises()
    {
        var actors = ActorDictionary.Load(DataDirectory.File("actors"));
        Assert.True(actors.Countries.Count >= 190, $"{actors.Countries.Count} countries");
        Assert.True(actors.NamedGroupCount >= 250, $"{actors.NamedGroupCount} named groups");
        Assert.True(actors.SourceCount >= 100, $"{actors.SourceCount} sources");
        Assert.Equal("Military Forces of Syria", actors.StateActor("military", "SY")?.Name);
        Assert.Equal("Government of Russia", actors.StateActor("government", "RU")?.Name);
        Assert.Equal("Civilians (Syria)", actors.StateActor("civilians", "SY")?.Name);
    }

    [Theory]
    [InlineData("HTS", "Hayat Tahrir al-Sham")]
    [InlineData("Syrian army", "Military Forces of Syria")]
    [InlineData("Russian forces", "Military Forces of Russia")]
    [InlineData("Ukrainian troops", "Military Forces of Ukraine")]
    [InlineData("Israeli military", "Military Forces of Israel")]
    [InlineData("RSF", "Rapid Support Forces")]
    [InlineData("Houthis", "Ansar Allah")]
    public void Aliases_resolve_to_canonical_actors(string phrase, string canonical)
    {
        var actors = ActorDictionary.Load(DataDirectory.File("actors"));
        var named = actors.Phrases.Lookup(phrase).OfType<NamedActor>().Select(n => n.Actor.Name);
        Assert.Contains(canonical, named);
    }

    [Fact]
    public void Monitors_and_agencies_are_sources_not_actors()
    {
        var actors = ActorDictionary.Load(DataDirectory.File("actors"));
        foreach (var phrase in new[] { "Syrian Observatory for Human Rights", "AFP", "Reuters", "state media" })
        {
            var entries = actors.Phrases.Lookup(phrase);
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.IsType<ReportingSource>(e));
        }
    }

    [Fact]
    public void Groups_name_known_types_and_countries()
    {
        var actors = ActorDictionary.Load(DataDirectory.File("actors"));
        foreach (var row in Tsv.Read(DataDirectory.File("actors", "groups.tsv"), "name", "type"))
        {
            Assert.Contains(row["type"], ActorType.All);
            var active = row.Optional("active");
            if (active is not null)
            {
                Assert.Matches(@"^\d{4}-(\d{4})?$", active);
            }
            if (row.Optional("country") is { } country)
            {
                Assert.True(actors.Countries.ContainsKey(country), $"{row.Path}:{row.Line}: unknown country {country}");
            }
        }
    }

    [Fact]
    public void Event_lexicon_covers_every_sub_event_type()
    {
        var lexicon = EventLexicon.Load(DataDirectory.File("events", "triggers.tsv"), DataDirectory.File("events", "cues.tsv"), TestPipeline.Resources.Lexicon);
        Assert.True(lexicon.TriggerCount >= 400, $"{lexicon.TriggerCount} triggers");
        var covered = Tsv.Read(DataDirectory.File("events", "triggers.tsv"), "sub_event_type").Select(r => r["sub_event_type"]).ToHashSet();
        foreach (var subType in EventTaxonomy.SubTypes.Values.SelectMany(v => v))
        {
            Assert.Contains(subType, covered);
        }
    }

    [Fact]
    public void Figure_place_and_layout_lexicons_load()
    {
        var figures = FigureLexicon.Load(DataDirectory.File("lexicon"));
        Assert.Equal(["killed"], figures.Outcomes.Lookup("killed"));
        Assert.Equal(["civilians"], figures.Victims.Lookup("civilians"));
        var places = PlaceLexicon.Load(DataDirectory.File("lexicon", "place_context.tsv"), [("Syrian", "SY")]);
        Assert.True(places.IsAgentVerb("said"));
        Assert.Equal("SY", places.DemonymCountry("Syrian"));
        var abbreviations = Abbreviations.Load(DataDirectory.File("lexicon", "abbreviations.tsv"));
        Assert.True(abbreviations.IsTitle("Gen"));
        var hyphenation = HyphenationRules.Load(DataDirectory.File("lexicon", "hyphenation.tsv"));
        Assert.True(hyphenation.KeepHyphen("al", "Assad", new HashSet<string>()));
        Assert.False(hyphenation.KeepHyphen("Rus", "sian", new HashSet<string>()));
    }

    [Fact]
    public void Lexical_rules_and_function_words_load_and_lemmatise()
    {
        var lexicon = TestPipeline.Resources.Lexicon;
        Assert.True(lexicon.LemmaCount > 100_000, $"{lexicon.LemmaCount} WordNet lemmas");
        Assert.True(lexicon.TaggedForms > 50_000, $"{lexicon.TaggedForms} tagged forms");
        // Every rule has a suffix to detach, and every function word has its class.
        foreach (var row in Tsv.Read(DataDirectory.File("lexicon", "inflections.tsv"), "pos", "suffix"))
        {
            Assert.NotEmpty(row["suffix"]);
        }
        foreach (var row in Tsv.Read(DataDirectory.File("lexicon", "function_words.tsv"), "word", "class"))
        {
            Assert.Equal(row["class"], lexicon.FunctionClass(row["word"]));
        }
        Assert.Equal("shoot", lexicon.Base("shot"));
        Assert.Equal("strike", lexicon.Base("struck"));
        Assert.Equal("shell", lexicon.Base("shelled"));
        Assert.Equal("woman", lexicon.Lemma("women", Sitrep.Extraction.Lexical.WordClass.Noun));
        Assert.Equal("village", lexicon.Lemma("villages", Sitrep.Extraction.Lexical.WordClass.Noun));
    }

    [Fact]
    public void Curated_places_have_valid_kinds_and_coordinates()
    {
        var kinds = new HashSet<string>
        {
            PlaceKind.Country, PlaceKind.Admin1, PlaceKind.Admin2, PlaceKind.PopulatedPlace, PlaceKind.District, PlaceKind.Region,
            PlaceKind.Feature,
        };
        int rows = 0;
        foreach (var row in Tsv.Read(DataDirectory.File("places", "places.tsv"), "name", "kind", "lat", "lon"))
        {
            rows++;
            Assert.True(kinds.Contains(row["kind"]), $"{row.Path}:{row.Line}: kind {row["kind"]}");
            var lat = double.Parse(row["lat"], System.Globalization.CultureInfo.InvariantCulture);
            var lon = double.Parse(row["lon"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(lat, -90, 90);
            Assert.InRange(lon, -180, 180);
            if (row.Optional("country") is { } country)
            {
                Assert.Matches("^[A-Z]{2}$", country);
            }
        }
        Assert.True(rows >= 200, $"{rows} curated places");
    }
}
