using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core.Annotations;
using Sitrep.Core.Records;

namespace Sitrep.Store;

/// <summary>
/// The store over any ADO.NET database that speaks the SQL both SQLite and PostgreSQL accept:
/// named @parameters, ON CONFLICT DO NOTHING, LIMIT and LIKE ... ESCAPE. Every call takes its
/// own pooled connection, so one store can be used from several threads.
/// </summary>
public abstract class SqlEventStore : IEventStore
{
    private static readonly JsonSerializerOptions Json = RecordJson.Compact;

    protected abstract DbConnection OpenConnection();

    /// <summary>Database-wide settings to make before the schema steps (SQLite: the journal mode).</summary>
    protected virtual void Prepare(DbConnection connection)
    {
    }

    /// <summary>After the incidents were replaced: refresh what the query planner knows of them.</summary>
    protected virtual void Analyze(DbConnection connection)
    {
    }

    public abstract void Dispose();

    public void Migrate()
    {
        using var connection = OpenConnection();
        Prepare(connection);
        Execute(connection, null, Migrations.CreateTable);
        var applied = new HashSet<int>();
        using (var read = Command(connection, null, "SELECT version FROM schema_migrations"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                applied.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
            }
        }
        if (applied.Count > 0 && applied.Max() > Migrations.Latest)
        {
            throw new InvalidOperationException(
                $"the database has schema version {applied.Max()}, newer than this sitrep knows ({Migrations.Latest})");
        }
        foreach (var migration in Migrations.All.Where(m => !applied.Contains(m.Version)))
        {
            using var transaction = connection.BeginTransaction();
            foreach (var statement in migration.Statements)
            {
                Execute(connection, transaction, statement);
            }
            Execute(connection, transaction, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @t)",
                ("v", migration.Version), ("d", migration.Description), ("t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
            transaction.Commit();
        }
    }

    public bool Contains(string documentId)
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null, "SELECT 1 FROM documents WHERE id = @id", ("id", documentId));
        return command.ExecuteScalar() is not null;
    }

    public bool AddDocument(SitrepRecord record)
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction();
        var d = record.Document;
        int inserted = Execute(connection, transaction,
            """
            INSERT INTO documents (id, input_id, source, title, outlet, published, published_source, ingested_at, record)
            VALUES (@id, @input_id, @source, @title, @outlet, @published, @published_source, @ingested_at, @record)
            ON CONFLICT (id) DO NOTHING
            """,
            ("id", d.Id), ("input_id", d.InputId), ("source", d.Source), ("title", d.Title), ("outlet", d.Outlet),
            ("published", d.Published), ("published_source", d.PublishedSource),
            ("ingested_at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), ("record", RecordJson.Serialize(record, indented: false)));
        if (inserted == 0)
        {
            transaction.Rollback();
            return false;
        }
        using var insertEvent = Command(connection, transaction,
            """
            INSERT INTO events (document_id, event_id, event_type, sub_event_type, date_start, date_end, country, lat, lon, fatalities, timeframe, body)
            VALUES (@document_id, @event_id, @event_type, @sub_event_type, @date_start, @date_end, @country, @lat, @lon, @fatalities, @timeframe, @body)
            """);
        using var insertSource = Command(connection, transaction,
            "INSERT INTO event_sources (document_id, event_id, ordinal, source) VALUES (@document_id, @event_id, @ordinal, @source)");
        using var insertFigure = Command(connection, transaction,
            """
            INSERT INTO event_figures (document_id, event_id, ordinal, outcome, best, body)
            VALUES (@document_id, @event_id, @ordinal, @outcome, @best, @body)
            """);
        foreach (var e in record.Events)
        {
            Run(insertEvent, ("document_id", d.Id), ("event_id", e.Id), ("event_type", e.EventType), ("sub_event_type", e.SubEventType),
                ("date_start", e.Date?.Start), ("date_end", e.Date?.End), ("country", e.Location?.Country),
                ("lat", e.Location?.Lat), ("lon", e.Location?.Lon), ("fatalities", (long?)e.Fatalities.Best),
                ("timeframe", e.Timeframe), ("body", JsonSerializer.Serialize(e, Json)));
            for (int i = 0; i < e.Sources.Count; i++)
            {
                Run(insertSource, ("document_id", d.Id), ("event_id", e.Id), ("ordinal", i), ("source", e.Sources[i]));
            }
            var figures = IncidentReport.FiguresOf(record, e);
            for (int i = 0; i < figures.Count; i++)
            {
                Run(insertFigure, ("document_id", d.Id), ("event_id", e.Id), ("ordinal", i), ("outcome", figures[i].Outcome),
                    ("best", (long)figures[i].Count.Best), ("body", JsonSerializer.Serialize(figures[i], Json)));
            }
        }
        transaction.Commit();
        return true;
    }

    public int RebuildIncidents()
    {
        using var connection = OpenConnection();
        var reports = ReadReports(connection);
        var incidents = IncidentMerger.Merge(reports);
        var updated = new Dictionary<string, long>();
        using (var read = Command(connection, null, "SELECT id, ingested_at FROM documents"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                updated[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "DELETE FROM incident_members");
        Execute(connection, transaction, "DELETE FROM incidents");
        using var insertIncident = Command(connection, transaction,
            """
            INSERT INTO incidents (id, event_type, sub_event_type, date_start, date_end, country, lat, lon, actors, fatalities, reports, updated_at, body)
            VALUES (@id, @event_type, @sub_event_type, @date_start, @date_end, @country, @lat, @lon, @actors, @fatalities, @reports, @updated_at, @body)
            """);
        using var insertMember = Command(connection, transaction,
            "INSERT INTO incident_members (incident_id, document_id, event_id) VALUES (@incident_id, @document_id, @event_id)");
        foreach (var incident in incidents)
        {
            incident.UpdatedAt = incident.Reports.Max(r => updated.GetValueOrDefault(r.Document.Id)) / 1000;
            Run(insertIncident, ("id", incident.Id), ("event_type", incident.EventType), ("sub_event_type", incident.SubEventType),
                ("date_start", incident.Date?.Start), ("date_end", incident.Date?.End), ("country", incident.Location?.Country),
                ("lat", incident.Location?.Lat), ("lon", incident.Location?.Lon), ("actors", ActorsKey(incident)),
                ("fatalities", (long?)incident.Fatalities.Best), ("reports", incident.Reports.Count),
                ("updated_at", incident.UpdatedAt),
                ("body", JsonSerializer.Serialize(incident, Json)));
            foreach (var report in incident.Reports)
            {
                Run(insertMember, ("incident_id", incident.Id), ("document_id", report.Document.Id), ("event_id", report.Event.Id));
            }
        }
        transaction.Commit();
        Analyze(connection);
        return incidents.Count;
    }

    /// <summary>Every side's name, lower-cased, one per line: what --actor searches.</summary>
    public static string ActorsKey(Incident incident) =>
        string.Join('\n', incident.Reports
            .SelectMany(r => new[] { r.Event.Actor1, r.Event.Actor2 }.Concat(r.Event.AssocActor1).Concat(r.Event.AssocActor2))
            .OfType<Actor>().Select(a => a.Name.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));

    private List<IncidentReport> ReadReports(DbConnection connection)
    {
        var figures = new Dictionary<(string, string), List<CasualtyReport>>();
        using (var read = Command(connection, null, "SELECT document_id, event_id, body FROM event_figures ORDER BY document_id, event_id, ordinal"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!figures.TryGetValue(key, out var list))
                {
                    figures[key] = list = [];
                }
                list.Add(JsonSerializer.Deserialize<CasualtyReport>(reader.GetString(2), Json)!);
            }
        }
        var sources = new Dictionary<(string, string), List<string>>();
        using (var read = Command(connection, null, "SELECT document_id, event_id, source FROM event_sources ORDER BY document_id, event_id, ordinal"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!sources.TryGetValue(key, out var list))
                {
                    sources[key] = list = [];
                }
                list.Add(reader.GetString(2));
            }
        }
        var reports = new List<IncidentReport>();
        using (var read = Command(connection, null,
                   """
                   SELECT e.document_id, e.event_id, e.body, d.input_id, d.source, d.outlet, d.published
                   FROM events e JOIN documents d ON d.id = e.document_id
                   WHERE e.timeframe = 'current'
                   """))
        using (var reader = read.ExecuteReader())
        {
            var documents = new Dictionary<string, DocumentRef>();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!documents.TryGetValue(id, out var document))
                {
                    documents[id] = document = new DocumentRef(id, reader.GetString(3), reader.GetString(4), Text(reader, 5), Text(reader, 6));
                }
                var key = (id, reader.GetString(1));
                reports.Add(new IncidentReport
                {
                    Document = document,
                    Event = JsonSerializer.Deserialize<Event>(reader.GetString(2), Json)!,
                    Sources = sources.GetValueOrDefault(key) ?? [],
                    Figures = figures.GetValueOrDefault(key) ?? [],
                });
            }
        }
        return reports;
    }

    public IReadOnlyList<Incident> QueryIncidents(IncidentQuery query)
    {
        using var connection = OpenConnection();
        return Select(connection, query, "body").Select(body => JsonSerializer.Deserialize<Incident>(body, Json)!).ToList();
    }

    /// <summary>
    /// Runs the query's SQL part and returns the first column of each matching row; the radius test,
    /// which no index answers, is applied here to what the bounding box let through.
    /// </summary>
    private static IEnumerable<string> Select(DbConnection connection, IncidentQuery query, string column)
    {
        var (where, parameters) = Where(query);
        var sql = new StringBuilder($"SELECT {column}, lat, lon FROM incidents");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }
        // NULL dates sort first in SQLite and last in PostgreSQL; the empty text puts them first in both.
        sql.Append(" ORDER BY COALESCE(date_start, ''), id");
        if (query.Limit is int limit && query.Near is null)
        {
            sql.Append(CultureInfo.InvariantCulture, $" LIMIT {limit}");
        }
        using var command = Command(connection, null, sql.ToString(), [.. parameters]);
        using var reader = command.ExecuteReader();
        int count = 0;
        while (reader.Read() && (query.Limit is not int max || count < max))
        {
            if (query.Near is { } near && (reader.IsDBNull(1) || !near.Contains(reader.GetDouble(1), reader.GetDouble(2))))
            {
                continue;
            }
            count++;
            yield return reader.GetString(0);
        }
    }

    private static (List<string> Where, List<(string, object?)> Parameters) Where(IncidentQuery query)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string condition, params (string, object?)[] values)
        {
            where.Add(condition);
            parameters.AddRange(values);
        }
        if (query.Country is { } country)
        {
            Add("country = @country", ("country", country.ToUpperInvariant()));
        }
        if (query.Since is { } since)
        {
            Add("date_end >= @since", ("since", Iso(since)));
        }
        if (query.Until is { } until)
        {
            Add("date_start <= @until", ("until", Iso(until)));
        }
        if (query.Type is { } type)
        {
            Add(EventTaxonomy.SubTypes.ContainsKey(type) ? "event_type = @type" : "sub_event_type = @type", ("type", type));
        }
        if (query.Actor is { } actor)
        {
            var escaped = actor.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            Add("actors LIKE @actor ESCAPE '\\'", ("actor", "%" + escaped + "%"));
        }
        if (query.Near is { } near)
        {
            var (dLat, dLon) = GeoDistance.Box(near);
            Add("lat BETWEEN @lat0 AND @lat1", ("lat0", near.Lat - dLat), ("lat1", near.Lat + dLat));
            double west = near.Lon - dLon, east = near.Lon + dLon;
            // A box across the antimeridian is two longitude ranges; one that spans all longitudes needs none.
            if (dLon < 180 && west < -180)
            {
                Add("(lon >= @lon0 OR lon <= @lon1)", ("lon0", west + 360), ("lon1", east));
            }
            else if (dLon < 180 && east > 180)
            {
                Add("(lon >= @lon0 OR lon <= @lon1)", ("lon0", west), ("lon1", east - 360));
            }
            else if (dLon < 180)
            {
                Add("lon BETWEEN @lon0 AND @lon1", ("lon0", west), ("lon1", east));
            }
        }
        return (where, parameters);
    }

    public Incident? GetIncident(string id)
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null, "SELECT body FROM incidents WHERE id = @id", ("id", id));
        return command.ExecuteScalar() is string body ? JsonSerializer.Deserialize<Incident>(body, Json) : null;
    }

    public SitrepRecord? GetDocument(string documentId)
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null, "SELECT record FROM documents WHERE id = @id", ("id", documentId));
        return command.ExecuteScalar() is string json ? RecordJson.Deserialize(json) : null;
    }

    public IEnumerable<SitrepRecord> Records(IncidentQuery query)
    {
        if (query.IsEmpty)
        {
            foreach (var record in AllRecords())
            {
                yield return record;
            }
            yield break;
        }
        var wanted = QueryIncidents(query).SelectMany(i => i.Reports).Select(r => r.Document.Id).ToHashSet();
        // Ids first, in ingest order, so that only the wanted records are read and parsed.
        var ids = new List<string>();
        using (var connection = OpenConnection())
        using (var command = Command(connection, null, "SELECT id FROM documents ORDER BY ingested_at, id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (wanted.Contains(reader.GetString(0)))
                {
                    ids.Add(reader.GetString(0));
                }
            }
        }
        foreach (var id in ids)
        {
            yield return GetDocument(id)!;
        }
    }

    private IEnumerable<SitrepRecord> AllRecords()
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null, "SELECT record FROM documents ORDER BY ingested_at, id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return RecordJson.Deserialize(reader.GetString(0))!;
        }
    }

    public StoreStats Stats(IncidentQuery query)
    {
        using var connection = OpenConnection();
        int Count(string sql)
        {
            using var command = Command(connection, null, sql);
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        int documents = Count("SELECT count(*) FROM documents");
        int events = Count("SELECT count(*) FROM events WHERE timeframe = 'current'");
        // The key columns travel as one tab-separated text so the filter path is shared with QueryIncidents.
        var rows = Select(connection, query with { Limit = null },
                "COALESCE(date_start, '') || '\t' || event_type || '\t' || COALESCE(country, '') || '\t' || COALESCE(CAST(fatalities AS TEXT), '')")
            .Select(line => line.Split('\t'))
            .Select(f => (Day: f[0], Type: f[1], Country: f[2], Fatalities: f[3].Length == 0 ? 0L : long.Parse(f[3], CultureInfo.InvariantCulture)))
            .ToList();
        List<StatsRow> By(Func<(string Day, string Type, string Country, long Fatalities), string> key) =>
            rows.GroupBy(key).Select(g => new StatsRow(g.Key.Length == 0 ? "unknown" : g.Key, g.Count(), g.Sum(r => r.Fatalities)))
                .OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        return new StoreStats(documents, events, rows.Count, rows.Sum(r => r.Fatalities), By(r => r.Day), By(r => r.Type), By(r => r.Country));
    }

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        Bind(command, parameters);
        return command;
    }

    private static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static void Run(DbCommand command, params (string Name, object? Value)[] parameters)
    {
        Bind(command, parameters);
        command.ExecuteNonQuery();
    }

    private static void Bind(DbCommand command, (string Name, object? Value)[] parameters)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }
}
