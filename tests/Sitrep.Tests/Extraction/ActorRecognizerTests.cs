namespace Sitrep.Tests.Extraction;

public class ActorRecognizerTests
{
    private static HashSet<string> Names(string text) => TestPipeline.Run(text).Actors.Select(a => a.Name).ToHashSet();

    [Fact]
    public void Generic_forces_resolve_to_the_story_country()
    {
        var names = Names("Government troops retook two villages near Idlib in Syria on Sunday after clashes with rebels led by HTS.");
        Assert.Contains("Military Forces of Syria", names);
        Assert.Contains("Hayat Tahrir al-Sham", names);
    }

    [Fact]
    public void Unnamed_gunmen_are_an_unidentified_armed_group_of_the_country()
    {
        var names = Names("Gunmen killed four villagers near Omdurman in Sudan on Monday.");
        Assert.Contains("Unidentified Armed Group (Sudan)", names);
    }

    [Fact]
    public void Backers_and_coordinated_forces_are_actors()
    {
        var names = Names("The Russian and Syrian air forces bombed Iran-backed militias near Homs in Syria.");
        Assert.Contains("Military Forces of Russia", names);
        Assert.Contains("Military Forces of Syria", names);
        Assert.Contains("Government of Iran", names);
    }

    [Fact]
    public void A_war_monitor_is_a_source_never_an_actor()
    {
        var doc = TestPipeline.Run("Air strikes killed 12 people in Idlib in Syria, the Syrian Observatory for Human Rights said.");
        Assert.DoesNotContain(doc.Actors, a => a.Name.Contains("Observatory", StringComparison.Ordinal));
        Assert.Contains(doc.Casualties, c => c.Source == "Syrian Observatory for Human Rights");
    }
}
