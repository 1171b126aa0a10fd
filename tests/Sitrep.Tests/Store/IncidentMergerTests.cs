using Sitrep.Core.Annotations;
using Sitrep.Store;
using static Sitrep.Tests.Store.Samples;

namespace Sitrep.Tests.Store;

public class IncidentMergerTests
{
    /// <summary>Four incidents told by several reports each, and events near them that are other incidents.</summary>
    private static List<IncidentReport> Newsroom() =>
    [
        // Russian air strike on Idlib, told three times: one report does not know who struck.
        Report("doc-a", Event("air_drone_strike", "2024-11-29", Russia, Civilians, Idlib, killed: 12), "Wire A"),
        Report("doc-b", Event("air_drone_strike", "2024-11-29", Russia, null, Idlib, killed: 15), "Wire B"),
        Report("doc-c", Event("shelling_artillery_missile_attack", "2024-11-28", Unidentified, Civilians, Saraqib, killed: 9, lastDay: "2024-11-29"), "Wire C"),
        // A clash at Aleppo: the two outlets name the sides in opposite order.
        Report("doc-d", Event("armed_clash", "2024-11-30", Hts, SyrianArmy, Aleppo, killed: 30), "Wire A"),
        Report("doc-e", Event("armed_clash", "2024-11-30", SyrianArmy, Hts, Aleppo), "Wire B"),
        // A protest in Idlib the same day as the strike: another type, another incident.
        Report("doc-b", Event("peaceful_protest", "2024-11-29", null, null, Idlib, id: "e2"), "Wire B"),
        // Manbij fighting between other sides, and an air strike on Maarat al-Numan, 32 km from Idlib.
        Report("doc-f", Event("armed_clash", "2024-11-30", Sna, Sdf, Manbij, killed: 4), "Wire C"),
        Report("doc-g", Event("armed_clash", "2024-11-30", Sdf, Sna, Manbij, killed: 6), "Wire A"),
        Report("doc-h", Event("air_drone_strike", "2024-11-29", Russia, Civilians, MaaratAlNuman, killed: 3), "Wire B"),
    ];

    [Fact]
    public void Reports_of_one_incident_merge_and_others_stay_apart()
    {
        var incidents = IncidentMerger.Merge(Newsroom());
        var byKeys = incidents.Select(i => string.Join(" ", i.Reports.Select(r => r.Document.Id + ":" + r.Event.Id))).Order().ToList();
        Assert.Equal(
        [
            "doc-a:e1 doc-b:e1 doc-c:e1",
            "doc-b:e2",
            "doc-d:e1 doc-e:e1",
            "doc-f:e1 doc-g:e1",
            "doc-h:e1",
        ], byKeys);
    }

    [Fact]
    public void Toll_is_the_lowest_figure_and_each_report_keeps_its_own()
    {
        var strike = IncidentMerger.Merge(Newsroom()).Single(i => i.Reports.Count == 3);
        Assert.Equal(9, strike.Fatalities.Best);
        Assert.Equal(9, strike.Fatalities.Low);
        Assert.Equal(15, strike.Fatalities.High);
        Assert.Equal([12, 15, 9], strike.Reports.Select(r => r.Event.Fatalities.Best!.Value));
        // The best-informed telling (both sides known, the town itself, one day) gives the fields.
        Assert.Equal("air_drone_strike", strike.SubEventType);
        Assert.Equal("Military Forces of Russia", strike.Actor1?.Name);
        Assert.Equal("Idlib", strike.Location?.Name);
        Assert.Equal("2024-11-29", strike.Date?.Start);
    }

    [Fact]
    public void A_report_without_a_toll_does_not_lower_it()
    {
        var clash = IncidentMerger.Merge(Newsroom()).Single(i => i.Location?.Name == "Aleppo");
        Assert.Equal(new Fatalities(30, 30, 30, null), clash.Fatalities);
    }

    [Fact]
    public void Denied_figures_are_not_the_toll_unless_all_are_denied()
    {
        var claimed = IncidentMerger.Merge(
        [
            Report("doc-1", Event("air_drone_strike", "2024-11-29", Russia, Civilians, Idlib, killed: 20)),
            Report("doc-2", Event("air_drone_strike", "2024-11-29", Russia, Civilians, Idlib, killed: 0, certainty: "denied")),
        ]);
        var incident = Assert.Single(claimed);
        Assert.Equal(20, incident.Fatalities.Best);
        Assert.Equal(0, incident.Fatalities.Low);
        Assert.Equal("reported", incident.Certainty);
    }

    [Fact]
    public void Input_order_does_not_change_the_incidents()
    {
        var expected = Shape(IncidentMerger.Merge(Newsroom()));
        var random = new Random(7);
        for (int round = 0; round < 25; round++)
        {
            var shuffled = Newsroom().OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Shape(IncidentMerger.Merge(shuffled)));
        }
    }

    [Fact]
    public void Merging_again_gives_the_same_incidents_and_ids()
    {
        var first = IncidentMerger.Merge(Newsroom());
        var second = IncidentMerger.Merge(first.SelectMany(i => i.Reports));
        Assert.Equal(Shape(first), Shape(second));
        Assert.Equal(first.Select(i => i.Id), second.Select(i => i.Id));
    }

    [Fact]
    public void Id_comes_from_the_smallest_member_key_and_survives_a_later_report()
    {
        var before = IncidentMerger.Merge(Newsroom()).Single(i => i.Location?.Name == "Aleppo");
        Assert.Equal(IncidentMerger.IncidentId("doc-d:e1"), before.Id);
        var later = Newsroom().Append(Report("doc-z", Event("armed_clash", "2024-11-30", Hts, null, Aleppo, killed: 41)));
        var after = IncidentMerger.Merge(later).Single(i => i.Location?.Name == "Aleppo");
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(3, after.Reports.Count);
    }

    [Theory]
    [InlineData("air_drone_strike", "suicide_bomb")]
    [InlineData("attack", "abduction_forced_disappearance")]
    [InlineData("arrests", "looting_property_destruction")]
    public void Sub_types_of_different_families_stay_apart(string one, string other)
    {
        var incidents = IncidentMerger.Merge(
        [
            Report("doc-1", Event(one, "2024-11-29", Unidentified, Civilians, Idlib)),
            Report("doc-2", Event(other, "2024-11-29", Unidentified, Civilians, Idlib)),
        ]);
        Assert.Equal(2, incidents.Count);
    }

    [Theory]
    [InlineData("2024-11-29", "2024-11-30", true)]
    [InlineData("2024-11-29", "2024-12-01", false)]
    public void Dates_must_lie_within_a_day(string one, string other, bool merged)
    {
        var incidents = IncidentMerger.Merge(
        [
            Report("doc-1", Event("air_drone_strike", one, Russia, Civilians, Idlib)),
            Report("doc-2", Event("air_drone_strike", other, Russia, Civilians, Idlib)),
        ]);
        Assert.Equal(merged ? 1 : 2, incidents.Count);
    }

    [Fact]
    public void The_same_named_place_merges_even_when_the_gazetteer_put_it_elsewhere()
    {
        var misplaced = Idlib with { Lat = Idlib.Lat + 0.5 };
        var incidents = IncidentMerger.Merge(
        [
            Report("doc-1", Event("air_drone_strike", "2024-11-29", Russia, Civilians, Idlib)),
            Report("doc-2", Event("air_drone_strike", "2024-11-29", Russia, Civilians, misplaced)),
        ]);
        Assert.Single(incidents);
    }

    [Fact]
    public void Contradicting_sides_stay_apart()
    {
        var incidents = IncidentMerger.Merge(
        [
            Report("doc-1", Event("armed_clash", "2024-11-30", Hts, SyrianArmy, Aleppo)),
            Report("doc-2", Event("armed_clash", "2024-11-30", Sdf, SyrianArmy, Aleppo)),
        ]);
        Assert.Equal(2, incidents.Count);
    }

    [Fact]
    public void Country_level_places_background_and_long_windows_never_merge()
    {
        var reports = new List<IncidentReport>
        {
            Report("doc-1", Event("air_drone_strike", "2024-11-29", Russia, null, SyriaCountry)),
            Report("doc-2", Event("air_drone_strike", "2024-11-29", Russia, null, SyriaCountry)),
            Report("doc-3", Event("air_drone_strike", "2024-11-01", Russia, null, Idlib, lastDay: "2024-11-30")),
            Report("doc-4", Event("air_drone_strike", "2024-11-29", Russia, null, Idlib)),
            Report("doc-5", Event("air_drone_strike", "2024-11-29", Russia, null, Idlib, timeframe: "background")),
        };
        var incidents = IncidentMerger.Merge(reports);
        Assert.Equal(["doc-1", "doc-2", "doc-3", "doc-4"], incidents.SelectMany(i => i.Reports).Select(r => r.Document.Id).Order());
        Assert.All(incidents, i => Assert.Single(i.Reports));
    }

    [Fact]
    public void A_report_between_two_others_joins_them_into_one_incident()
    {
        // Maarat al-Numan and Idlib are 32 km apart, but Ariha lies between them (13 km from Idlib, 19 km from
        // Maarat al-Numan): the three reports form one connected incident.
        var incidents = IncidentMerger.Merge(
        [
            Report("doc-1", Event("air_drone_strike", "2024-11-29", Russia, null, Idlib)),
            Report("doc-2", Event("air_drone_strike", "2024-11-29", Russia, null, MaaratAlNuman)),
            Report("doc-3", Event("air_drone_strike", "2024-11-29", Russia, null, Ariha)),
        ]);
        Assert.True(GeoDistance.Km(Idlib.Lat, Idlib.Lon, MaaratAlNuman.Lat, MaaratAlNuman.Lon) > IncidentMerger.NearKm);
        Assert.Equal(3, Assert.Single(incidents).Reports.Count);
    }
}
