namespace Sitrep.Store;

/// <summary>One schema step; applied in version order, each in its own transaction, and recorded.</summary>
internal sealed record Migration(int Version, string Description, string[] Statements);

/// <summary>
/// The schema, written once for SQLite and PostgreSQL alike (SQLite takes any type name, and both
/// read these as text, 64-bit integers and doubles). Never edit a shipped step: add a new one.
/// </summary>
internal static class Migrations
{
    public const string CreateTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";

    public static readonly Migration[] All =
    [
        new(1, "documents, events, sources, figures and incidents",
        [
            """
            CREATE TABLE documents (
                id TEXT PRIMARY KEY,
                input_id TEXT NOT NULL,
                source TEXT NOT NULL,
                title TEXT,
                outlet TEXT,
                published TEXT,
                published_source TEXT NOT NULL,
                ingested_at BIGINT NOT NULL,
                record TEXT NOT NULL)
            """,
            """
            CREATE TABLE events (
                document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
                event_id TEXT NOT NULL,
                event_type TEXT NOT NULL,
                sub_event_type TEXT NOT NULL,
                date_start TEXT,
                date_end TEXT,
                country TEXT,
                lat DOUBLE PRECISION,
                lon DOUBLE PRECISION,
                fatalities BIGINT,
                timeframe TEXT NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (document_id, event_id))
            """,
            """
            CREATE TABLE event_sources (
                document_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                source TEXT NOT NULL,
                PRIMARY KEY (document_id, event_id, ordinal),
                FOREIGN KEY (document_id, event_id) REFERENCES events (document_id, event_id) ON DELETE CASCADE)
            """,
            """
            CREATE TABLE event_figures (
                document_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                outcome TEXT NOT NULL,
                best BIGINT NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (document_id, event_id, ordinal),
                FOREIGN KEY (document_id, event_id) REFERENCES events (document_id, event_id) ON DELETE CASCADE)
            """,
            """
            CREATE TABLE incidents (
                id TEXT PRIMARY KEY,
                event_type TEXT NOT NULL,
                sub_event_type TEXT NOT NULL,
                date_start TEXT,
                date_end TEXT,
                country TEXT,
                lat DOUBLE PRECISION,
                lon DOUBLE PRECISION,
                actors TEXT NOT NULL,
                fatalities BIGINT,
                reports INTEGER NOT NULL,
                updated_at BIGINT NOT NULL,
                body TEXT NOT NULL)
            """,
            """
            CREATE TABLE incident_members (
                incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
                document_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                PRIMARY KEY (incident_id, document_id, event_id))
            """,
            "CREATE INDEX documents_ingested ON documents (ingested_at, id)",
            "CREATE INDEX incident_members_document ON incident_members (document_id)",
            // Each filter of `sitrep events` has an index that narrows it; the other filter columns ride along
            // so that rows the index range holds but the query rejects are never read from the table.
            "CREATE INDEX incidents_country_date ON incidents (country, date_end, date_start, event_type, sub_event_type)",
            "CREATE INDEX incidents_type_date ON incidents (event_type, date_end, date_start, country)",
            "CREATE INDEX incidents_subtype_date ON incidents (sub_event_type, date_end, date_start, country)",
            "CREATE INDEX incidents_date ON incidents (date_end, date_start, country, event_type)",
            "CREATE INDEX incidents_position ON incidents (lat, lon, date_end, date_start, event_type)",
        ]),
    ];

    public static int Latest => All[^1].Version;
}
