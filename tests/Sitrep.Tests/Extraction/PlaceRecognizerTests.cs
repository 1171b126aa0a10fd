using Sitrep.Core.Annotations;

namespace Sitrep.Tests.Extraction;

// Reports written for these tests; facts (place names, coordinates) only.
public class PlaceRecognizerTests
{
    [Fact]
    public void Resolves_towns_regions_and_governorates_in_a_Syria_story()
    {
        var doc = TestPipeline.Run(
            "Rebels pushed into Idlib province on Monday and shelled Aleppo, the largest city in northwest Syria. " +
            "Fighting also spread to the outskirts of Maarat al-Numan.");
        var places = doc.Places.ToDictionary(p => p.Text, p => p);
        Assert.Equal(PlaceKind.Admin1, places["Idlib province"].Kind);
        Assert.Equal(PlaceKind.PopulatedPlace, places["Aleppo"].Kind);
        Assert.Equal("SY", places["Aleppo"].Country);
        Assert.Equal(PlaceKind.Region, places["northwest Syria"].Kind);
        Assert.InRange(places["Maarat al-Numan"].Lat, 35.5, 35.8);
        Assert.Equal("SY", doc.FocusCountry);
    }

    [Fact]
    public void A_namesake_in_a_country_the_story_never_mentions_loses()
    {
        var doc = TestPipeline.Run("Government troops shelled Aleppo and Homs on Tuesday, Syrian state media said.");
        var aleppo = Assert.Single(doc.Places, p => p.Text == "Aleppo");
        Assert.Equal("SY", aleppo.Country);
    }

    [Fact]
    public void Countries_and_capitals_that_speak_or_act_are_governments_not_places()
    {
        var doc = TestPipeline.Run(
            "Russia said on Friday it would send more aid to Syria. Kyiv denied the report, while the Kremlin declined to comment. " +
            "The group was designated by Russia and the U.S. as a terrorist organisation.");
        Assert.DoesNotContain(doc.Places, p => p.Text is "Russia" or "Kyiv" or "Kremlin" or "U.S.");
        Assert.Contains(doc.Places, p => p.Text == "Syria" && p.Kind == PlaceKind.Country);
        var governments = doc.Actors.Where(a => a.Name.StartsWith("Government of", StringComparison.Ordinal)).Select(a => a.Name).ToHashSet();
        Assert.Contains("Government of Russia", governments);
        Assert.Contains("Government of Ukraine", governments);
        Assert.Contains("Government of the United States", governments);
    }

    [Fact]
    public void Demonyms_and_people_named_like_towns_are_not_places()
    {
        var doc = TestPipeline.Run("Syrian forces said Prime Minister Benjamin Moscow visited Damascus on Monday.");
        Assert.DoesNotContain(doc.Places, p => p.Text is "Syrian" or "Moscow" or "Benjamin");
        Assert.Contains(doc.Places, p => p.Text == "Damascus");
    }

    [Fact]
    public void Every_place_offset_points_at_its_text()
    {
        var doc = TestPipeline.Run("Clashes erupted in Homs and near Hama, in Syria's north, on Sunday.");
        Assert.NotEmpty(doc.Places);
        Assert.All(doc.Places, p => Assert.Equal(p.Text, doc.Text[p.Start..p.End]));
    }
}
