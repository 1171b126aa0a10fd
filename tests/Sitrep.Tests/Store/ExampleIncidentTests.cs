using Sitrep.Core.Records;
using Sitrep.Extraction;
using Sitrep.Ingest;
using Sitrep.Ingest.Readers;
using Sitrep.Store;

namespace Sitrep.Tests.Store;

/// <summary>
/// examples/: three incidents told by two or three outlets each, in their own words and tolls, and
/// three events nearby (another type in Idlib, a strike 60 km from Kharkiv, shelling in Omdurman four
/// days later). Extracted by the real pipeline, stored and merged.
/// </summary>
public class ExampleIncidentTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sitrep-examples-").FullName;

    private IReadOnlyList<Incident> IngestExamples()
    {
        var factory = new DocumentFactory(TestPipeline.Cleaner());
        var pipeline = SitrepPipeline.Create(TestPipeline.Resources);
        using var store = new SqliteEventStore(Path.Combine(_directory, "examples.db"));
        store.Migrate();
        foreach (var read in new ReportSource().Read([SitrepProcess.Examples]))
        {
            var report = Assert.IsType<ReportRead>(read).Report;
            Assert.True(store.AddDocument(SitrepRecord.From(pipeline.Run(factory.Create(report)))));
        }
        store.RebuildIncidents();
        return store.QueryIncidents(IncidentQuery.All);
    }

    [Fact]
    public void Each_incident_merges_all_its_tellings_and_nothing_else()
    {
        var groups = IngestExamples()
            .Select(i => string.Join(" ", i.Reports.Select(r => r.Document.InputId).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal);
        Assert.Equal(
        [
            "idlib-clash-orontes-daily",
            "idlib-strike-levant-ledger idlib-strike-northern-dispatch idlib-strike-orontes-daily",
            "kharkiv-strike-eastern-bulletin kharkiv-strike-kyiv-courier",
            "omdurman-karari-nile-observer",
            "omdurman-market-nile-observer omdurman-market-red-sea-review omdurman-market-sahel-monitor",
            "vovchansk-drones-eastern-bulletin",
        ], groups);
    }

    [Fact]
    public void Merged_incidents_keep_each_outlets_toll_and_take_the_lowest()
    {
        var incidents = IngestExamples();
        var idlib = incidents.Single(i => i.Reports.Count == 3 && i.Location?.Country == "SY");
        Assert.Equal(("air_drone_strike", "2024-12-03", "Military Forces of Russia"), (idlib.SubEventType, idlib.Date?.Start, idlib.Actor1?.Name));
        Assert.Equal((9, 9, 14), (idlib.Fatalities.Best, idlib.Fatalities.Low, idlib.Fatalities.High));
        Assert.Equal(["Levant Ledger:14", "Northern Dispatch:9", "Orontes Daily:11"],
            idlib.Reports.Select(r => $"{r.Document.Outlet}:{r.Event.Fatalities.Best}").Order(StringComparer.Ordinal));

        var omdurman = incidents.Single(i => i.Reports.Count == 3 && i.Location?.Country == "SD");
        Assert.Equal((21, 21, 30), (omdurman.Fatalities.Best, omdurman.Fatalities.Low, omdurman.Fatalities.High));
        var kharkiv = incidents.Single(i => i.Reports.Count == 2);
        Assert.Equal((4, 4, 6), (kharkiv.Fatalities.Best, kharkiv.Fatalities.Low, kharkiv.Fatalities.High));
        Assert.All(kharkiv.Reports, r => Assert.Equal("2024-11-30", r.Document.Published));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
