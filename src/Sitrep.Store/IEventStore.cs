using Sitrep.Core.Records;

namespace Sitrep.Store;

/// <summary>
/// Where records and the incidents merged from them live. Each document is stored whole or not
/// at all, keyed by its content id, so a re-run after a crash stores what is missing and nothing twice.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>Creates or upgrades the schema; safe to call on every open.</summary>
    void Migrate();

    bool Contains(string documentId);

    /// <summary>Stores the record with its events, sources and figures in one transaction; false when it was already stored.</summary>
    bool AddDocument(SitrepRecord record);

    /// <summary>Merges every stored current event into incidents, replacing the previous ones; returns how many.</summary>
    int RebuildIncidents();

    IReadOnlyList<Incident> QueryIncidents(IncidentQuery query);

    Incident? GetIncident(string id);

    SitrepRecord? GetDocument(string documentId);

    /// <summary>Stored records in ingest order: all of them, or those telling an incident the query matches.</summary>
    IEnumerable<SitrepRecord> Records(IncidentQuery query);

    StoreStats Stats(IncidentQuery query);
}

public sealed record StatsRow(string Key, int Incidents, long Fatalities);

public sealed record StoreStats(
    int Documents,
    int Events,
    int Incidents,
    long Fatalities,
    IReadOnlyList<StatsRow> ByDay,
    IReadOnlyList<StatsRow> ByType,
    IReadOnlyList<StatsRow> ByCountry);
