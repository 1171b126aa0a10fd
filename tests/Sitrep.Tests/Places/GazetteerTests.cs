using Sitrep.Core.Annotations;
using Sitrep.Gazetteer;

namespace Sitrep.Tests.Places;

public class GazetteerTests
{
    [Theory]
    [InlineData("Maarat an-Noman", 35.644, 36.672)]
    [InlineData("Khan Sheikhoun", 35.442, 36.651)]
    [InlineData("El Fasher", 13.628, 25.349)]
    [InlineData("Avdiivka", 48.140, 37.743)]
    [InlineData("Ma'arrat al-Nu'man", 35.644, 36.672)]
    public void Transliteration_variants_find_the_place(string written, double lat, double lon)
    {
        var gazetteer = TestPipeline.BuildGazetteer();
        var (candidates, _) = gazetteer.Lookup(written);
        Assert.Contains(candidates, c => Geo.Km(c.Lat, c.Lon, lat, lon) < 10);
    }

    [Fact]
    public void Keys_fold_marks_and_articles()
    {
        Assert.Equal(PlaceNameKey.Skeleton(PlaceNameKey.Exact("Maarat al-Numan")), PlaceNameKey.Skeleton(PlaceNameKey.Exact("Ma'arrat an-Nu'man")));
        Assert.Equal("maarrat an numan", PlaceNameKey.Exact("Ma‘arrat an-Nu‘mān"));
        Assert.NotEqual(PlaceNameKey.Skeleton("aleppo"), PlaceNameKey.Skeleton("idlib"));
    }

    [Fact]
    public void Index_survives_a_save_and_load_round_trip()
    {
        var gazetteer = TestPipeline.BuildGazetteer();
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-gz-{Guid.NewGuid():N}.idx");
        try
        {
            gazetteer.Save(path);
            var loaded = global::Sitrep.Gazetteer.Gazetteer.Load(path);
            Assert.Equal(gazetteer.Count, loaded.Count);
            Assert.Equal(gazetteer.NameCount, loaded.NameCount);
            var aleppo = loaded.LookupExact("halab").Single(e => e.Country == "SY");
            Assert.Equal(170063, aleppo.GeonamesId);
            Assert.Equal(PlaceKind.PopulatedPlace, aleppo.Kind);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Import_adds_a_GeoNames_country_file_and_alternate_names()
    {
        var dir = Directory.CreateTempSubdirectory("sitrep-import-").FullName;
        try
        {
            var villages = Path.Combine(dir, "SY.txt");
            File.WriteAllText(villages,
                "9990001\tKafr Testa\tKafr Testa\tKafr Tesa\t35.9\t36.7\tP\tPPL\tSY\t\t12\t\t\t\t300\t\t\tAsia/Damascus\t2024-01-01\n" +
                "9990002\tTell Sample\tTell Sample\t\t35.8\t36.6\tP\tPPL\tSY\t\t12\t\t\t\t0\t\t\tAsia/Damascus\t2024-01-01\n");
            var alternates = Path.Combine(dir, "alternateNamesV2.txt");
            File.WriteAllText(alternates, "1\t9990002\ten\tTal Sampel\t\t\t\t\t\t\n2\t9990002\tlink\thttps://example.org\t\t\t\t\t\t\n");
            var admin1 = Path.Combine(dir, "admin1CodesASCII.txt");
            File.WriteAllText(admin1, "SY.12\tIdlib\tIdlib\t169388\n");
            var builder = GazetteerBuilder.From(TestPipeline.BuildGazetteer());
            Assert.Equal(2, GeoNamesImport.Add(builder, villages));
            Assert.Equal(1, GeoNamesImport.Add(builder, alternates));
            Assert.Equal(1, GeoNamesImport.Add(builder, admin1));
            var index = builder.Build();
            var village = Assert.Single(index.LookupExact("tal sampel"));
            Assert.Equal("Tell Sample", village.Name);
            Assert.Equal("Idlib", village.Admin1);
            Assert.NotEmpty(index.LookupExact("kafr tesa"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Import_rejects_a_file_that_is_not_GeoNames()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-bad-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "this is not a gazetteer\n");
        try
        {
            var error = Assert.Throws<FormatException>(() => GeoNamesImport.Add(new GazetteerBuilder(), path));
            Assert.Contains(":1:", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
