using System.Text.Json.Serialization;
using Sitrep.Core.Annotations;
using Sitrep.Core.Records;

namespace Sitrep.Store;

/// <summary>The stored report that tells an event: enough to cite it without loading its text.</summary>
public sealed record DocumentRef(string Id, string InputId, string Source, string? Outlet, string? Published);

/// <summary>One report's telling of an incident: its own event, who it cites and the figures it gives.</summary>
public sealed class IncidentReport
{
    public required DocumentRef Document { get; init; }

    public required Event Event { get; init; }

    public List<string> Sources { get; init; } = [];

    public List<CasualtyReport> Figures { get; init; } = [];

    /// <summary>Unique over the store: the content id of the report and the event's id within it.</summary>
    [JsonIgnore]
    public string Key => Document.Id + ":" + Event.Id;

    /// <summary>
    /// The event-scope figures an event's evidence covers: a figure is cited by every event of the
    /// sentence it sits in, as the extractor reads it.
    /// </summary>
    public static List<CasualtyReport> FiguresOf(SitrepRecord record, Event e) =>
        record.Casualties.Where(c => c.Scope == "event" && e.Evidence.Any(v => v.Start <= c.Start && c.End <= v.End)).ToList();
}

/// <summary>One incident as the merged reports tell it, with every telling kept.</summary>
public sealed class Incident
{
    public string Id { get; init; } = "";

    public string EventType { get; init; } = "";

    public string SubEventType { get; init; } = "";

    public EventDate? Date { get; init; }

    public Actor? Actor1 { get; init; }

    public Actor? Actor2 { get; init; }

    public List<Actor> AssocActor1 { get; init; } = [];

    public List<Actor> AssocActor2 { get; init; } = [];

    public EventLocation? Location { get; init; }

    public Fatalities Fatalities { get; init; } = Fatalities.None;

    public List<string> Sources { get; init; } = [];

    public string Certainty { get; init; } = "reported";

    public string Notes { get; init; } = "";

    public List<IncidentReport> Reports { get; init; } = [];

    /// <summary>When the latest of its reports was stored (Unix seconds); the store sets it.</summary>
    public long UpdatedAt { get; set; }
}
