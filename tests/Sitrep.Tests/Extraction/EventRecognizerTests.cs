using Sitrep.Core.Annotations;

namespace Sitrep.Tests.Extraction;

public class EventRecognizerTests
{
    private static List<Event> Events(string text) => TestPipeline.Run(text).Events.Where(e => e.Timeframe == "current").ToList();

    [Theory]
    [InlineData("HTS fighters seized Aleppo in Syria on Friday.", "non_state_actor_overtakes_territory")]
    [InlineData("Syrian government forces recaptured Hama in Syria on Friday.", "government_regains_territory")]
    [InlineData("Russian warplanes bombed Idlib in Syria on Friday.", "air_drone_strike")]
    [InlineData("HTS shelled Aleppo in Syria on Friday.", "shelling_artillery_missile_attack")]
    [InlineData("A suicide bomber blew herself up in Homs in Syria on Friday.", "suicide_bomb")]
    [InlineData("Clashes between HTS and government troops erupted near Hama in Syria on Friday.", "armed_clash")]
    [InlineData("Gunmen abducted 12 villagers near Omdurman in Sudan on Friday.", "abduction_forced_disappearance")]
    [InlineData("Police arrested 15 suspects in Omdurman in Sudan on Friday.", "arrests")]
    public void Triggers_give_the_sub_type(string text, string subType)
    {
        Assert.Contains(Events(text), e => e.SubEventType == subType);
    }

    [Fact]
    public void Subject_acts_and_object_suffers()
    {
        var e = Assert.Single(Events("Russian warplanes bombed HTS positions near Idlib in Syria on Friday."));
        Assert.Equal("Military Forces of Russia", e.Actor1?.Name);
        Assert.Equal("Hayat Tahrir al-Sham", e.Actor2?.Name);
        Assert.Equal("2024-11-29", e.Date?.Start);
        Assert.Equal(DatePrecision.Day, e.Date?.Precision);
    }

    [Fact]
    public void Passive_agent_is_the_first_side()
    {
        var e = Events("A market in Omdurman in Sudan was shelled by the RSF on Friday, killing 20 civilians.")
            .Single(x => x.EventType == "explosions_remote_violence");
        Assert.Equal("Rapid Support Forces", e.Actor1?.Name);
        Assert.Equal(20, e.Fatalities.Best);
    }

    [Fact]
    public void Allied_air_forces_make_one_event_with_an_associated_actor()
    {
        var e = Assert.Single(Events("The Russian and Syrian air forces bombed rebel positions in northwest Syria."));
        Assert.Equal("Military Forces of Russia", e.Actor1?.Name);
        Assert.Contains(e.AssocActor1, a => a.Name == "Military Forces of Syria");
        Assert.Equal(3, e.Location?.Precision);
        Assert.Equal(DatePrecision.Week, e.Date?.Precision);
    }

    [Fact]
    public void Each_listed_town_is_its_own_event()
    {
        var events = Events("Israeli warplanes struck Damascus, Homs and Hama in Syria on Friday.");
        Assert.Equal(["Damascus", "Homs", "Hama"], events.Select(e => e.Location?.Name ?? "").Select(n => n == "Ḩamāh" ? "Hama" : n).ToArray());
    }

    [Fact]
    public void History_is_background_and_denials_are_coded()
    {
        var doc = TestPipeline.Run(
            "Russian troops seized Kharkiv in Ukraine in 2022. The RSF denied shelling the market in Omdurman in Sudan on Friday.");
        Assert.Contains(doc.Events, e => e.Timeframe == "background" && e.SubEventType == "non_state_actor_overtakes_territory");
        Assert.Contains(doc.Events, e => e.Timeframe == "current" && e.Certainty == "denied");
    }

    [Fact]
    public void Evidence_points_into_the_text_and_notes_are_written()
    {
        var doc = TestPipeline.Run("HTS shelled Aleppo in Syria on Friday, killing three civilians.");
        var e = Assert.Single(doc.Events);
        Assert.All(e.Evidence, ev => Assert.InRange(ev.End, ev.Start + 1, doc.Text.Length));
        Assert.StartsWith("On 29 November 2024, Hayat Tahrir al-Sham", e.Notes);
    }

    [Fact]
    public void A_capture_under_a_deal_is_a_non_violent_transfer()
    {
        var e = Assert.Single(Events("Local factions took control of Daraa in Syria on Saturday under a deal that gave officers safe passage."));
        Assert.Equal("non_violent_transfer_of_territory", e.SubEventType);
        Assert.Equal("strategic_developments", e.EventType);
    }

    [Fact]
    public void Accusations_and_purposes_are_not_events()
    {
        Assert.Empty(Events("Kinshasa accuses Rwanda of deploying troops near Goma in Congo."));
        Assert.DoesNotContain(Events("Relatives rallied in Jerusalem in Israel on Tuesday to press the government to seal the agreement."),
            e => e.SubEventType == "agreement");
    }

    [Fact]
    public void Protesters_who_storm_embassies_riot()
    {
        var events = Events("Protesters stormed foreign embassies in Kinshasa in Congo on Tuesday, setting fires and looting shops. Police fired tear gas to disperse them.");
        var riot = Assert.Single(events);
        Assert.Equal("violent_demonstration", riot.SubEventType);
        Assert.Equal(2, riot.Evidence.Count);
    }

    [Fact]
    public void Unnamed_warplanes_belong_to_the_force_the_lead_names()
    {
        var events = Events("Israel's military said it had carried out dozens of strikes in Syria. Warplanes struck Homs and Hama in Syria on Monday.");
        Assert.NotEmpty(events);
        Assert.All(events.Where(e => e.SubEventType == "air_drone_strike"), e => Assert.Equal("Military Forces of Israel", e.Actor1?.Name));
        Assert.Contains(events, e => e.SubEventType == "air_drone_strike" && e.Location?.Name == "Homs");
    }
}
