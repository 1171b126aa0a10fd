using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Core.Records;
using Sitrep.Store;

namespace Sitrep.Tests.Store;

/// <summary>
/// `sitrep ingest` (rules alone: this is about storage) killed half way through 10,000 reports leaves a sound database of whole documents,
/// and running it again stores the rest without storing anything twice.
/// </summary>
public class CrashTests : IDisposable
{
    private const int Reports = 10_000;

    private const int KillAfter = 3_000;

    private readonly SitrepProcess _sitrep = new();

    private static readonly string[] Sides = ["HTS fighters", "Russian warplanes", "The RSF", "Government troops", "Gunmen", "Syrian army artillery"];
    private static readonly string[] Places = ["Aleppo in Syria", "Idlib in Syria", "Homs in Syria", "Kharkiv in Ukraine", "Omdurman in Sudan", "Hama in Syria"];
    private static readonly string[] Verbs = ["attacked", "shelled", "bombed", "struck"];
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    /// <summary>Short reports from one template with names and numbers varied; the item number keeps every text unique.</summary>
    private static void WriteReports(string path)
    {
        var random = new Random(11);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (int i = 0; i < Reports; i++)
        {
            T Pick<T>(T[] items) => items[random.Next(items.Length)];
            var text = $"{Pick(Sides)} {Pick(Verbs)} {Pick(Places)} on {Pick(Days)}, killing {random.Next(2, 40)} people, officials said. " +
                       $"Local radio carried the report as item {i}.";
            writer.WriteLine(JsonSerializer.Serialize(new { id = "r" + i.ToString(CultureInfo.InvariantCulture), text, published = "2024-11-30" }));
        }
    }

    private static long Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static long StoredDocuments(string db)
    {
        try
        {
            return File.Exists(db) ? Scalar(db, "SELECT count(*) FROM documents") : 0;
        }
        catch (SqliteException)
        {
            // The schema is not there yet.
            return 0;
        }
    }

    /// <summary>Every stored document has exactly the event, source and figure rows its record implies.</summary>
    private static void AssertOnlyWholeDocuments(string db)
    {
        using var store = new SqliteEventStore(db);
        Assert.Equal("ok", store.IntegrityCheck());
        long events = 0, sources = 0, figures = 0;
        foreach (var record in store.Records(IncidentQuery.All))
        {
            events += record.Events.Count;
            sources += record.Events.Sum(e => e.Sources.Count);
            figures += record.Events.Sum(e => IncidentReport.FiguresOf(record, e).Count);
        }
        Assert.True(events > 0);
        Assert.Equal(events, Scalar(db, "SELECT count(*) FROM events"));
        Assert.Equal(sources, Scalar(db, "SELECT count(*) FROM event_sources"));
        Assert.Equal(figures, Scalar(db, "SELECT count(*) FROM event_figures"));
        Assert.Equal(0, Scalar(db, "SELECT count(*) FROM events WHERE document_id NOT IN (SELECT id FROM documents)"));
    }

    [Fact]
    public void Killed_ingest_leaves_whole_documents_and_a_rerun_completes_without_duplicates()
    {
        var input = _sitrep.Path("reports.jsonl");
        var db = _sitrep.Path("crash.db");
        WriteReports(input);

        using (var first = _sitrep.Start("ingest", input, "--db", db, "--quiet", "--classifier", "off"))
        {
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (StoredDocuments(db) < KillAfter && !first.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
            Assert.False(first.HasExited, "ingest finished before it could be killed");
            first.Kill(entireProcessTree: true);
            first.WaitForExit();
        }
        long survived = StoredDocuments(db);
        Assert.InRange(survived, KillAfter, Reports - 1);
        AssertOnlyWholeDocuments(db);

        var (exit, stdout, stderr) = _sitrep.Run("ingest", input, "--db", db, "--quiet", "--classifier", "off");
        Assert.True(exit == 0, stderr);
        Assert.StartsWith($"{Reports - survived} new document(s), {survived} duplicate(s) skipped, 0 failed;", stdout);
        Assert.Equal(Reports, StoredDocuments(db));
        Assert.Equal(Reports, Scalar(db, "SELECT count(DISTINCT input_id) FROM documents"));
        AssertOnlyWholeDocuments(db);
        Assert.True(Scalar(db, "SELECT count(*) FROM incidents") > 0);
    }

    public void Dispose()
    {
        _sitrep.Dispose();
        GC.SuppressFinalize(this);
    }
}
