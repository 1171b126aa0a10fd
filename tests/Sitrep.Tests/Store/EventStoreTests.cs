using Npgsql;
using Sitrep.Core.Annotations;
using Sitrep.Core.Records;
using Sitrep.Store;
using static Sitrep.Tests.Store.Samples;

namespace Sitrep.Tests.Store;

/// <summary>The store suite: every backend must pass it unchanged.</summary>
public abstract class EventStoreTests : IDisposable
{
    private readonly Lazy<IEventStore> _store;

    protected EventStoreTests()
    {
        _store = new(() =>
        {
            var store = CreateStore();
            store.Migrate();
            return store;
        });
    }

    protected IEventStore Store => _store.Value;

    /// <summary>A store over an empty database of its own.</summary>
    protected abstract IEventStore CreateStore();

    public virtual void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Three reports of a strike on Idlib and two of a clash in Aleppo, with an unrelated protest.</summary>
    private static List<SitrepRecord> Reports() =>
    [
        new RecordBuilder("wire-a-1", "Wire A", "2024-11-29")
            .Sentence("Russian jets struck a market in Idlib on Friday, killing 12 people, rescuers said.",
                Event("air_drone_strike", "2024-11-29", Russia, Civilians, Idlib, killed: 12), "rescuers")
            .Sentence("Residents of Idlib later marched against the bombing.", Event("peaceful_protest", "2024-11-29", null, null, Idlib))
            .Build(),
        new RecordBuilder("wire-b-7", "Wire B", "2024-11-29")
            .Sentence("Fifteen people died when warplanes hit Idlib's central market on Friday, a monitor said.",
                Event("air_drone_strike", "2024-11-29", Russia, null, Idlib, killed: 15), "war monitor")
            .Build(),
        new RecordBuilder("wire-c-3", "Wire C", "2024-11-30")
            .Sentence("An air raid on Idlib killed nine civilians, local officials said.",
                Event("air_drone_strike", "2024-11-29", Unidentified, Civilians, Idlib, killed: 9), "local officials")
            .Sentence("Government troops and HTS fought in Aleppo on Saturday; 30 fighters died.",
                Event("armed_clash", "2024-11-30", SyrianArmy, Hts, Aleppo, killed: 30))
            .Build(),
        new RecordBuilder("wire-a-2", "Wire A", "2024-12-01")
            .Sentence("HTS fighters battled the army in Aleppo on Saturday.", Event("armed_clash", "2024-11-30", Hts, SyrianArmy, Aleppo))
            .Sentence("In 2016 the city was besieged.", Event("armed_clash", "2016-12-01", SyrianArmy, null, Aleppo, timeframe: "background"))
            .Build(),
        new RecordBuilder("wire-b-9", "Wire B", "2024-12-02")
            .Sentence("SNA and SDF fighters clashed in Manbij on Monday, leaving four dead.",
                Event("armed_clash", "2024-12-02", Sna, Sdf, Manbij, killed: 4))
            .Build(),
    ];

    private static string Shape(IEnumerable<Incident> incidents) =>
        string.Join("\n", incidents.Select(i => $"{i.Id} {i.SubEventType} {i.Location?.Name} {i.Fatalities.Best}: " +
                                              string.Join(" ", i.Reports.Select(r => r.Document.InputId + "/" + r.Event.Id))));

    private void Ingest(IEnumerable<SitrepRecord> records)
    {
        foreach (var record in records)
        {
            Assert.True(Store.AddDocument(record));
        }
        Store.RebuildIncidents();
    }

    [StoreFact]
    public void Migrating_again_changes_nothing()
    {
        Ingest(Reports().Take(1));
        Store.Migrate();
        Assert.Equal(1, Store.Stats(IncidentQuery.All).Documents);
    }

    [StoreFact]
    public void The_same_document_twice_is_stored_once()
    {
        var record = Reports()[0];
        Assert.False(Store.Contains(record.Document.Id));
        Assert.True(Store.AddDocument(record));
        Assert.True(Store.Contains(record.Document.Id));
        // Another input name with the same text is the same document.
        var again = RecordJson.Deserialize(RecordJson.Serialize(record, indented: false))!;
        Assert.False(Store.AddDocument(new SitrepRecord { Document = new RecordDocument { Id = again.Document.Id, InputId = "copy", Text = again.Document.Text }, Events = again.Events }));
        Assert.False(Store.AddDocument(record));
        var stats = Store.Stats(IncidentQuery.All);
        Assert.Equal((1, 2), (stats.Documents, stats.Events));
        Assert.Equal("wire-a-1", Assert.Single(Store.Records(IncidentQuery.All)).Document.InputId);
    }

    [StoreFact]
    public void Stored_records_read_back_whole()
    {
        var record = Reports()[2];
        Store.AddDocument(record);
        var back = Store.GetDocument(record.Document.Id)!;
        Assert.Equal(RecordJson.Serialize(record, indented: false), RecordJson.Serialize(back, indented: false));
        Assert.Null(Store.GetDocument("no-such-id"));
    }

    [StoreFact]
    public void Incidents_merge_the_reports_of_each_incident()
    {
        Ingest(Reports());
        var incidents = Store.QueryIncidents(IncidentQuery.All);
        Assert.Equal(
        [
            "air_drone_strike Idlib 9: wire-a-1/e1 wire-b-7/e1 wire-c-3/e1",
            "armed_clash Aleppo 30: wire-a-2/e1 wire-c-3/e2",
            "armed_clash Manbij 4: wire-b-9/e1",
            "peaceful_protest Idlib : wire-a-1/e2",
        ], incidents.Select(i => $"{i.SubEventType} {i.Location?.Name} {i.Fatalities.Best}: " +
                                 string.Join(" ", i.Reports.Select(r => r.Document.InputId + "/" + r.Event.Id).Order())).Order());
        var strike = incidents.Single(i => i.Reports.Count == 3);
        var fromB = strike.Reports.Single(r => r.Document.Outlet == "Wire B");
        Assert.Equal(["war monitor"], fromB.Sources);
        Assert.Equal(15, Assert.Single(fromB.Figures).Count.Best);
        Assert.Equal("2024-11-29", fromB.Document.Published);
        Assert.Equal((9, 15), (strike.Fatalities.Low, strike.Fatalities.High));
    }

    [StoreFact]
    public void Reversed_arrival_gives_the_same_incidents()
    {
        Ingest(Reports());
        var forward = Shape(Store.QueryIncidents(IncidentQuery.All));
        using var other = CreateStore();
        other.Migrate();
        foreach (var record in Enumerable.Reverse(Reports()))
        {
            other.AddDocument(record);
        }
        other.RebuildIncidents();
        Assert.Equal(forward, Shape(other.QueryIncidents(IncidentQuery.All)));
    }

    [StoreFact]
    public void Rebuilding_keeps_incident_ids()
    {
        Ingest(Reports().Take(3));
        var before = Store.QueryIncidents(IncidentQuery.All).ToDictionary(i => i.Location!.Name + i.SubEventType, i => i.Id);
        Ingest(Reports().Skip(3));
        var after = Store.QueryIncidents(IncidentQuery.All);
        foreach (var (key, id) in before)
        {
            Assert.Equal(id, after.Single(i => i.Location!.Name + i.SubEventType == key).Id);
        }
        Assert.Equal(4, Store.RebuildIncidents());
    }

    [StoreFact]
    public void A_document_that_fails_half_way_leaves_nothing()
    {
        // The second event repeats the first one's id: its insert fails after the document row and the first event.
        var broken = new RecordBuilder("broken", "Wire D", "2024-11-29")
            .Sentence("Shells hit Idlib on Friday, killing two.", Event("shelling_artillery_missile_attack", "2024-11-29", SyrianArmy, Civilians, Idlib, killed: 2), "medics")
            .Sentence("Clashes followed in Idlib.", Event("armed_clash", "2024-11-29", SyrianArmy, Hts, Idlib))
            .Build();
        broken.Events[1].Id = broken.Events[0].Id;
        Assert.ThrowsAny<System.Data.Common.DbException>(() => Store.AddDocument(broken));
        Assert.False(Store.Contains(broken.Document.Id));
        var stats = Store.Stats(IncidentQuery.All);
        Assert.Equal((0, 0), (stats.Documents, stats.Events));
        Assert.Equal(0, Store.RebuildIncidents());

        // The store is usable afterwards, and the mended document goes in whole.
        broken.Events[1].Id = "e2";
        Assert.True(Store.AddDocument(broken));
        Assert.Equal(2, Store.RebuildIncidents());
        Assert.Equal(["medics"], Store.QueryIncidents(new IncidentQuery { Type = "shelling_artillery_missile_attack" }).Single().Reports.Single().Sources);
    }

    [StoreFact]
    public void Filters_select_incidents()
    {
        Ingest(Reports());
        string Names(IncidentQuery q) => string.Join(",", Store.QueryIncidents(q).Select(i => i.Location!.Name + ":" + i.EventType));
        Assert.Equal("Idlib:explosions_remote_violence,Idlib:protests,Aleppo:battles,Manbij:battles", Names(new IncidentQuery { Country = "sy" }));
        Assert.Equal("", Names(new IncidentQuery { Country = "UA" }));
        Assert.Equal("Aleppo:battles,Manbij:battles", Names(new IncidentQuery { Since = new DateOnly(2024, 11, 30) }));
        Assert.Equal("Idlib:explosions_remote_violence,Idlib:protests", Names(new IncidentQuery { Until = new DateOnly(2024, 11, 29) }));
        Assert.Equal("Aleppo:battles,Manbij:battles", Names(new IncidentQuery { Type = "battles" }));
        Assert.Equal("Idlib:explosions_remote_violence", Names(new IncidentQuery { Type = "air_drone_strike" }));
        // Any side of any telling counts: one report of the strike names Russia, another an unknown group.
        Assert.Equal("Idlib:explosions_remote_violence", Names(new IncidentQuery { Actor = "RUSSIA" }));
        Assert.Equal("Aleppo:battles", Names(new IncidentQuery { Actor = "tahrir" }));
        Assert.Equal("", Names(new IncidentQuery { Actor = "%" }));
        // Aleppo is 47 km from Idlib, Manbij 128 km.
        Assert.Equal("Idlib:explosions_remote_violence,Idlib:protests", Names(new IncidentQuery { Near = new GeoCircle(35.93, 36.63, 20) }));
        Assert.Equal("Idlib:explosions_remote_violence,Idlib:protests,Aleppo:battles", Names(new IncidentQuery { Near = new GeoCircle(35.93, 36.63, 60) }));
        Assert.Equal("Idlib:explosions_remote_violence", Names(new IncidentQuery { Limit = 1 }));
        Assert.Equal("Aleppo:battles", Names(new IncidentQuery { Type = "battles", Near = new GeoCircle(35.93, 36.63, 60), Limit = 1 }));
    }

    [StoreFact]
    public void Incidents_are_found_by_id_and_records_by_incident()
    {
        Ingest(Reports());
        var clash = Store.QueryIncidents(new IncidentQuery { Type = "battles", Country = "SY", Actor = "forces of syria" }).Single(i => i.Location!.Name == "Aleppo");
        Assert.Equal(Shape([clash]), Shape([Store.GetIncident(clash.Id)!]));
        Assert.Null(Store.GetIncident("0000000000000000"));
        Assert.Equal(["wire-c-3", "wire-a-2"], Store.Records(new IncidentQuery { Type = "battles", Near = new GeoCircle(36.2, 37.16, 5) }).Select(r => r.Document.InputId));
        Assert.Equal(5, Store.Records(IncidentQuery.All).Count());
    }

    [StoreFact]
    public void Stats_count_incidents_and_their_tolls()
    {
        Ingest(Reports());
        var stats = Store.Stats(IncidentQuery.All);
        Assert.Equal((5, 7, 4, 43L), (stats.Documents, stats.Events, stats.Incidents, stats.Fatalities));
        Assert.Equal([new StatsRow("2024-11-29", 2, 9), new StatsRow("2024-11-30", 1, 30), new StatsRow("2024-12-02", 1, 4)], stats.ByDay);
        Assert.Equal([new StatsRow("battles", 2, 34), new StatsRow("explosions_remote_violence", 1, 9), new StatsRow("protests", 1, 0)], stats.ByType);
        Assert.Equal([new StatsRow("SY", 4, 43)], stats.ByCountry);
        Assert.Equal(2, Store.Stats(new IncidentQuery { Near = new GeoCircle(35.93, 36.63, 20) }).Incidents);
    }
}

public sealed class SqliteEventStoreTests : EventStoreTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sitrep-store-").FullName;
    private int _databases;

    protected override IEventStore CreateStore() => new SqliteEventStore(Path.Combine(_directory, $"test{_databases++}.db"));

    [Fact]
    public void Database_is_in_wal_mode_and_sound()
    {
        using var store = new SqliteEventStore(Path.Combine(_directory, "wal.db"));
        store.Migrate();
        Assert.True(File.Exists(Path.Combine(_directory, "wal.db-wal")) || File.Exists(Path.Combine(_directory, "wal.db")));
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT group_concat(version) FROM schema_migrations";
        Assert.Equal("1", command.ExecuteScalar()?.ToString());
        Assert.Equal("ok", store.IntegrityCheck());
    }

    public override void Dispose()
    {
        base.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The same suite on PostgreSQL: each store gets a schema of its own, dropped afterwards.</summary>
[RequiresEnvironment(Variable)]
public sealed class PostgresEventStoreTests : EventStoreTests
{
    public const string Variable = "SITREP_TEST_POSTGRES";

    private readonly List<string> _schemas = [];

    private static string Server => PostgresEventStore.ConnectionString(Environment.GetEnvironmentVariable(Variable)!);

    protected override IEventStore CreateStore()
    {
        var schema = "sitrep_test_" + Guid.NewGuid().ToString("N")[..12];
        Run($"CREATE SCHEMA {schema}");
        _schemas.Add(schema);
        return new PostgresEventStore(new NpgsqlConnectionStringBuilder(Server) { SearchPath = schema }.ConnectionString);
    }

    private static void Run(string sql)
    {
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public override void Dispose()
    {
        base.Dispose();
        foreach (var schema in _schemas)
        {
            Run($"DROP SCHEMA {schema} CASCADE");
        }
    }
}
