using System.Text;
using Sitrep.Core.Annotations;
using Sitrep.Core.Records;
using Sitrep.Store;

namespace Sitrep.Tests.Store;

/// <summary>Actors, places and events for store tests; coordinates are the towns' real positions.</summary>
internal static class Samples
{
    public static readonly Actor Russia = new("Military Forces of Russia", ActorType.StateForces, "RU");
    public static readonly Actor SyrianArmy = new("Military Forces of Syria", ActorType.StateForces, "SY");
    public static readonly Actor Hts = new("Hayat Tahrir al-Sham", ActorType.RebelGroup, "SY");
    public static readonly Actor Sna = new("Syrian National Army", ActorType.RebelGroup, "SY");
    public static readonly Actor Sdf = new("Syrian Democratic Forces", ActorType.RebelGroup, "SY");
    public static readonly Actor Unidentified = new("Unidentified Armed Group (Syria)", ActorType.PoliticalMilitia, "SY");
    public static readonly Actor Civilians = new("Civilians (Syria)", ActorType.Civilians, "SY");

    public static readonly EventLocation Idlib = new("Idlib", PlaceKind.PopulatedPlace, "SY", "Idlib", 35.9306, 36.6339, 1);
    public static readonly EventLocation Saraqib = new("Saraqib", PlaceKind.PopulatedPlace, "SY", "Idlib", 35.8644, 36.8006, 1);
    public static readonly EventLocation MaaratAlNuman = new("Maarat al-Numan", PlaceKind.PopulatedPlace, "SY", "Idlib", 35.6440, 36.6717, 1);
    public static readonly EventLocation Ariha = new("Ariha", PlaceKind.PopulatedPlace, "SY", "Idlib", 35.8128, 36.6081, 1);
    public static readonly EventLocation Aleppo = new("Aleppo", PlaceKind.PopulatedPlace, "SY", "Aleppo", 36.2012, 37.1612, 1);
    public static readonly EventLocation Manbij = new("Manbij", PlaceKind.PopulatedPlace, "SY", "Aleppo", 36.5281, 37.9549, 1);
    public static readonly EventLocation SyriaCountry = new("Syria", PlaceKind.Country, "SY", null, 35.0, 38.5, 3);

    public static Event Event(string subType, string day, Actor? actor1, Actor? actor2, EventLocation? location,
        int? killed = null, string certainty = "reported", string? lastDay = null, string timeframe = "current", string id = "e1") => new()
        {
            Id = id,
            EventType = EventTaxonomy.EventTypeOf(subType)!,
            SubEventType = subType,
            Date = new EventDate(day, lastDay ?? day, lastDay is null ? DatePrecision.Day : DatePrecision.Week, null),
            Actor1 = actor1,
            Actor2 = actor2,
            Location = location,
            Fatalities = killed is int k ? new Fatalities(k, k, null, null) : Fatalities.None,
            Certainty = certainty,
            Timeframe = timeframe,
        };

    public static IncidentReport Report(string documentId, Event e, string outlet = "Test Wire") => new()
    {
        Document = new DocumentRef(documentId, documentId, documentId + ".txt", outlet, e.Date?.End),
        Event = e,
        Sources = [.. e.Sources],
    };

    /// <summary>The incidents as comparable text: id, then member keys.</summary>
    public static List<string> Shape(IEnumerable<Incident> incidents) =>
        incidents.Select(i => i.Id + " = " + string.Join(" + ", i.Reports.Select(r => r.Key))).ToList();
}

/// <summary>Builds a record sentence by sentence, so each event's evidence and figures point into its text.</summary>
internal sealed class RecordBuilder(string inputId, string outlet, string published)
{
    private readonly StringBuilder _text = new();
    private readonly List<Event> _events = [];
    private readonly List<CasualtyReport> _casualties = [];

    public RecordBuilder Sentence(string sentence, Event? told = null, string? source = null)
    {
        int start = _text.Length;
        _text.Append(sentence).Append(' ');
        if (told is null)
        {
            return this;
        }
        told.Id = "e" + (_events.Count + 1);
        told.Evidence = [new Evidence(start, start + sentence.Length)];
        if (source is not null)
        {
            told.Sources = [source];
        }
        if (told.Fatalities.Best is int killed)
        {
            _casualties.Add(new CasualtyReport
            {
                Text = sentence,
                Start = start,
                End = start + sentence.Length,
                Outcome = "killed",
                Count = new Count(killed, killed, null, Qualifier.Exact),
                Source = source,
                Scope = "event",
            });
        }
        _events.Add(told);
        return this;
    }

    public SitrepRecord Build()
    {
        var text = _text.ToString().TrimEnd();
        return new SitrepRecord
        {
            Document = new RecordDocument
            {
                Id = SitrepRecord.ContentId(text),
                InputId = inputId,
                Source = inputId + ".txt",
                Outlet = outlet,
                Published = published,
                PublishedSource = "metadata",
                Text = text,
            },
            Casualties = [.. _casualties],
            Events = [.. _events],
        };
    }
}
