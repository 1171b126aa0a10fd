using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Core.Annotations;
using Sitrep.Core.Data;
using Sitrep.Core.Records;
using Sitrep.Extraction;
using Sitrep.Ingest;
using Sitrep.Ingest.Cleaning;
using Sitrep.Store;

// Store benchmark: (1) ingest throughput into SQLite, storing extracted records one transaction each,
// and the whole path (clean + extract on all cores + store) when a gazetteer index is given;
// (2) filtered incident queries over 1,000,000 synthetic events written straight into the schema.
// Usage: Sitrep.StoreBench [REPORTS=5000] [EVENTS=1000000] [GAZETTEER]
int reportCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
int eventCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var gazetteerPath = args.Length > 2 ? args[2] : Environment.GetEnvironmentVariable("SITREP_GAZETTEER");
var dir = Directory.CreateTempSubdirectory("sitrep-storebench-").FullName;
Console.WriteLine($"{Environment.ProcessorCount} cores");
try
{
    IngestBench.Run(dir, reportCount, gazetteerPath);
    QueryBench.Run(dir, eventCount);
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(dir, recursive: true);
}

internal static class IngestBench
{
    private static readonly string[] Sides = ["HTS fighters", "Russian warplanes", "The RSF", "Government troops", "Gunmen", "M23 rebels"];
    private static readonly string[] Places = ["Aleppo in Syria", "Idlib in Syria", "Homs in Syria", "Kharkiv in Ukraine", "Omdurman in Sudan", "Goma in Congo"];
    private static readonly string[] Verbs = ["attacked", "shelled", "bombed", "struck"];

    /// <summary>Short reports (one incident, a source, a follow-up sentence) written for this benchmark.</summary>
    public static List<RawReport> Reports(int count)
    {
        var random = new Random(3);
        return Enumerable.Range(0, count).Select(i => new RawReport($"r{i}", $"r{i}.txt",
            $"{Sides[random.Next(Sides.Length)]} {Verbs[random.Next(Verbs.Length)]} {Places[random.Next(Places.Length)]} on Friday, " +
            $"killing {random.Next(2, 60)} people, officials said.\n\nResidents said the fighting lasted into the night. Item {i}.",
            Outlet: "Bench Wire", Published: new DateOnly(2024, 11, 30))).ToList();
    }

    public static void Run(string dir, int count, string? gazetteerPath)
    {
        var factory = new DocumentFactory(TextCleaner.FromData());
        var reports = Reports(count);
        if (gazetteerPath is null || !File.Exists(gazetteerPath))
        {
            Console.WriteLine("ingest with extraction: skipped (pass a gazetteer index as the third argument or set SITREP_GAZETTEER)");
            return;
        }
        var pipeline = SitrepPipeline.Create(ExtractionResources.Load(Sitrep.Gazetteer.Gazetteer.Load(gazetteerPath)));
        var records = reports.AsParallel().AsOrdered().Select(r => SitrepRecord.From(pipeline.Run(factory.Create(r)))).ToList();

        using (var store = new SqliteEventStore(Path.Combine(dir, "store-only.db")))
        {
            store.Migrate();
            var watch = Stopwatch.StartNew();
            foreach (var record in records)
            {
                store.AddDocument(record);
            }
            Report("store only (AddDocument, one transaction each)", count, watch.Elapsed);
        }

        using (var store = new SqliteEventStore(Path.Combine(dir, "ingest.db")))
        {
            store.Migrate();
            var watch = Stopwatch.StartNew();
            // As `sitrep ingest` does: extraction on all cores, storing on one thread in input order.
            foreach (var record in reports.AsParallel().AsOrdered().Select(r => SitrepRecord.From(pipeline.Run(factory.Create(r)))))
            {
                store.AddDocument(record);
            }
            Report("ingest (clean + extract + store)", count, watch.Elapsed);
            watch.Restart();
            int incidents = store.RebuildIncidents();
            Console.WriteLine($"rebuild incidents: {incidents} incidents from {records.Sum(r => r.Events.Count)} events in {watch.Elapsed.TotalMilliseconds:F0} ms");
        }
    }

    private static void Report(string what, int count, TimeSpan elapsed) =>
        Console.WriteLine($"{what}: {count / elapsed.TotalSeconds:F0} reports/s ({count} in {elapsed.TotalSeconds:F2} s)");
}

internal static class QueryBench
{
    private sealed record Town(string Name, string Country, string Admin1, double Lat, double Lon);

    // Real towns; the synthetic events scatter up to ~20 km around them.
    private static readonly Town[] Towns =
    [
        new("Aleppo", "SY", "Aleppo", 36.2012, 37.1612), new("Idlib", "SY", "Idlib", 35.9306, 36.6339), new("Homs", "SY", "Homs", 34.7268, 36.7234),
        new("Kharkiv", "UA", "Kharkiv", 49.9808, 36.2527), new("Kherson", "UA", "Kherson", 46.6354, 32.6169), new("Donetsk", "UA", "Donetsk", 48.0159, 37.8029),
        new("Omdurman", "SD", "Khartoum", 15.6445, 32.4777), new("El Fasher", "SD", "North Darfur", 13.6279, 25.3494), new("Goma", "CD", "North Kivu", -1.6792, 29.2228),
        new("Bunia", "CD", "Ituri", 1.5594, 30.2522), new("Gao", "ML", "Gao", 16.2666, -0.0400), new("Maiduguri", "NG", "Borno", 11.8464, 13.1603),
        new("Mogadishu", "SO", "Banaadir", 2.0371, 45.3438), new("Lashio", "MM", "Shan", 22.9359, 97.7498), new("Sanaa", "YE", "Sanaa", 15.3694, 44.1910),
        new("Gaza", "PS", "Gaza Strip", 31.5017, 34.4668), new("Port-au-Prince", "HT", "Ouest", 18.5944, -72.3074), new("Kabul", "AF", "Kabul", 34.5553, 69.2075),
        new("Mosul", "IQ", "Nineveh", 36.3450, 43.1450), new("Tripoli", "LY", "Tripoli", 32.8872, 13.1913),
    ];

    private static readonly string[] SubTypes = EventTaxonomy.SubTypes.Values.SelectMany(s => s).ToArray();

    public static void Run(string dir, int count)
    {
        var path = Path.Combine(dir, "query.db");
        using var store = new SqliteEventStore(path);
        store.Migrate();
        var watch = Stopwatch.StartNew();
        Generate(path, count);
        Console.WriteLine($"generated {count} events and incidents in {watch.Elapsed.TotalSeconds:F1} s, {new FileInfo(path).Length / (1024 * 1024)} MB");

        Time(store, "country + month + type", new IncidentQuery { Country = "SY", Since = new DateOnly(2024, 6, 1), Until = new DateOnly(2024, 6, 30), Type = "battles" });
        Time(store, "country + since (last 2 weeks)", new IncidentQuery { Country = "UA", Since = new DateOnly(2025, 12, 17) });
        Time(store, "sub-type + month", new IncidentQuery { Type = "air_drone_strike", Since = new DateOnly(2025, 3, 1), Until = new DateOnly(2025, 3, 31) });
        Time(store, "near Aleppo 25 km + month", new IncidentQuery { Near = new GeoCircle(36.2012, 37.1612, 25), Since = new DateOnly(2025, 5, 1), Until = new DateOnly(2025, 5, 31) });
        Time(store, "near Goma 10 km, first 500", new IncidentQuery { Near = new GeoCircle(-1.6792, 29.2228, 10), Limit = 500 });
        Time(store, "actor + country + month", new IncidentQuery { Actor = "rapid support", Country = "SD", Since = new DateOnly(2024, 9, 1), Until = new DateOnly(2024, 9, 30) });
    }

    private static void Time(IEventStore store, string name, IncidentQuery query)
    {
        store.QueryIncidents(query);
        var times = new List<double>();
        int rows = 0;
        for (int i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            rows = store.QueryIncidents(query).Count;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"query {name}: {rows} incidents, median {times[2]:F1} ms (max {times[^1]:F1} ms)");
    }

    /// <summary>
    /// Synthetic reports of one event each, over two years, written through the schema's tables in large
    /// transactions; every event is its own incident, whose body is the JSON the store would write.
    /// </summary>
    private static void Generate(string path, int count)
    {
        var random = new Random(5);
        var json = RecordJson.Compact;
        var start = new DateOnly(2024, 1, 1);
        // A bulk load with no journal and a large cache (random incident ids scatter index inserts); WAL again at the end.
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Pragma(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
        const int batch = 50_000;
        for (int first = 0; first < count; first += batch)
        {
            using var transaction = connection.BeginTransaction();
            var document = Command(connection, "INSERT INTO documents (id, input_id, source, outlet, published, published_source, ingested_at, record) VALUES ($id, $id, $id, 'Bench Wire', $day, 'metadata', 0, '{}')");
            var @event = Command(connection, "INSERT INTO events (document_id, event_id, event_type, sub_event_type, date_start, date_end, country, lat, lon, fatalities, timeframe, body) VALUES ($id, 'e1', $type, $sub, $day, $day, $country, $lat, $lon, $killed, 'current', $body)");
            var incident = Command(connection, "INSERT INTO incidents (id, event_type, sub_event_type, date_start, date_end, country, lat, lon, actors, fatalities, reports, updated_at, body) VALUES ($iid, $type, $sub, $day, $day, $country, $lat, $lon, $actors, $killed, 1, 0, $ibody)");
            var member = Command(connection, "INSERT INTO incident_members (incident_id, document_id, event_id) VALUES ($iid, $id, 'e1')");
            for (int i = first; i < Math.Min(count, first + batch); i++)
            {
                var town = Towns[random.Next(Towns.Length)];
                var sub = SubTypes[random.Next(SubTypes.Length)];
                var day = start.AddDays(random.Next(730)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var actor1 = new Actor(town.Country == "SD" && random.Next(2) == 0 ? "Rapid Support Forces" : $"Military Forces of {town.Country}", ActorType.StateForces, town.Country);
                var e = new Event
                {
                    Id = "e1",
                    EventType = EventTaxonomy.EventTypeOf(sub)!,
                    SubEventType = sub,
                    Date = new EventDate(day, day, DatePrecision.Day, "on Friday"),
                    Actor1 = actor1,
                    Actor2 = new Actor($"Civilians ({town.Country})", ActorType.Civilians, town.Country),
                    Location = new EventLocation(town.Name, PlaceKind.PopulatedPlace, town.Country, town.Admin1,
                        town.Lat + (random.NextDouble() - 0.5) * 0.36, town.Lon + (random.NextDouble() - 0.5) * 0.36, 1),
                    Fatalities = new Fatalities(random.Next(0, 30), null, null, null),
                    Sources = ["officials"],
                    Evidence = [new Evidence(0, 120)],
                    Notes = $"On {day}, {actor1.Name}: {sub.Replace('_', ' ')} in {town.Name}.",
                };
                var id = i.ToString("x64", CultureInfo.InvariantCulture);
                var reportsOf = new IncidentReport { Document = new DocumentRef(id, id, id, "Bench Wire", day), Event = e, Sources = e.Sources };
                var merged = IncidentMerger.Merge([reportsOf])[0];
                Bind(document, ("$id", id), ("$day", day));
                Bind(@event, ("$id", id), ("$type", e.EventType), ("$sub", sub), ("$day", day), ("$country", town.Country),
                    ("$lat", e.Location.Lat), ("$lon", e.Location.Lon), ("$killed", e.Fatalities.Best), ("$body", JsonSerializer.Serialize(e, json)));
                Bind(incident, ("$iid", merged.Id), ("$type", e.EventType), ("$sub", sub), ("$day", day), ("$country", town.Country),
                    ("$lat", e.Location.Lat), ("$lon", e.Location.Lon), ("$actors", SqlEventStore.ActorsKey(merged)), ("$killed", e.Fatalities.Best),
                    ("$ibody", JsonSerializer.Serialize(merged, json)));
                Bind(member, ("$iid", merged.Id), ("$id", id));
            }
            transaction.Commit();
        }
        Pragma(connection, "ANALYZE; PRAGMA journal_mode = WAL;");
    }

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Bind(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        command.ExecuteNonQuery();
    }
}
