using System.Text.Json;
using Sitrep.Store.Export;

namespace Sitrep.Tests.Store;

/// <summary>The examples stored once by `sitrep ingest` (plus one missing input), for the query commands to read.</summary>
public sealed class IngestedExamples : IDisposable
{
    public IngestedExamples()
    {
        Sitrep = new SitrepProcess();
        Db = Sitrep.Path("examples.db");
        First = Sitrep.Run("ingest", SitrepProcess.Examples, Sitrep.Path("missing.txt"), "--db", Db);
    }

    public SitrepProcess Sitrep { get; }

    public string Db { get; }

    public (int Exit, string Out, string Err) First { get; }

    public void Dispose() => Sitrep.Dispose();
}

public class CliStoreTests(IngestedExamples examples) : IClassFixture<IngestedExamples>
{
    private (int Exit, string Out, string Err) Sitrep(params string[] args) => examples.Sitrep.Run([.. args, "--db", examples.Db]);

    [Fact]
    public void Ingest_counts_documents_and_names_failed_inputs()
    {
        var (exit, stdout, stderr) = examples.First;
        Assert.Equal(1, exit);
        Assert.Equal("11 new document(s), 0 duplicate(s) skipped, 1 failed; 6 incident(s) in the store", stdout.Trim());
        Assert.Contains("missing.txt: no such file or directory", stderr);

        var again = Sitrep("ingest", SitrepProcess.Examples, "--quiet");
        Assert.Equal(0, again.Exit);
        Assert.Equal("0 new document(s), 11 duplicate(s) skipped, 0 failed; 6 incident(s) in the store", again.Out.Trim());
        Assert.Equal("", again.Err);
    }

    [Fact]
    public void Events_as_json_give_each_incident_with_every_report()
    {
        var (exit, stdout, _) = Sitrep("events", "--format", "json", "--country", "SD");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var incidents = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, incidents.Count);
        var market = incidents.Single(i => i.GetProperty("reports").GetArrayLength() == 3);
        Assert.Equal("shelling_artillery_missile_attack", market.GetProperty("sub_event_type").GetString());
        Assert.Equal("Rapid Support Forces", market.GetProperty("actor1").GetProperty("name").GetString());
        Assert.Equal(21, market.GetProperty("fatalities").GetProperty("best").GetInt32());
        var report = market.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("document").GetProperty("outlet").GetString() == "Sahel Monitor");
        Assert.Equal("omdurman-market-sahel-monitor", report.GetProperty("document").GetProperty("input_id").GetString());
        Assert.Equal("2024-12-02", report.GetProperty("document").GetProperty("published").GetString());
        Assert.Equal(64, report.GetProperty("document").GetProperty("id").GetString()!.Length);
        Assert.Equal(30, report.GetProperty("event").GetProperty("fatalities").GetProperty("best").GetInt32());
        Assert.Equal(30, report.GetProperty("figures")[0].GetProperty("count").GetProperty("best").GetInt32());
        Assert.Equal(JsonValueKind.Array, report.GetProperty("sources").ValueKind);
    }

    [Fact]
    public void Filters_and_formats_of_events()
    {
        var csv = Sitrep("events", "--format", "csv", "--near", "50.0,36.25,30");
        Assert.Equal(0, csv.Exit);
        var lines = csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,date_start,date_end,event_type", lines[0]);
        Assert.Contains(",Kharkiv,UA,", Assert.Single(lines[1..]));

        var table = Sitrep("events", "--type", "battles");
        Assert.Equal(0, table.Exit);
        Assert.Contains("1 incident(s)", table.Out);
        Assert.Contains("Hayat", table.Out);
        Assert.Contains("Orontes Daily", table.Out);

        using var geo = JsonDocument.Parse(Sitrep("events", "--format", "geojson", "--since", "2024-12-05").Out);
        var feature = Assert.Single(geo.RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal("Karari", feature.GetProperty("properties").GetProperty("location").GetString());
    }

    [Fact]
    public void Show_quotes_each_report_side_by_side()
    {
        using var json = JsonDocument.Parse(Sitrep("events", "--format", "json", "--actor", "russia", "--country", "SY").Out);
        var id = json.RootElement[0].GetProperty("id").GetString()!;
        var (exit, stdout, _) = examples.Sitrep.Run("show", id, "--db", examples.Db);
        Assert.Equal(0, exit);
        var flat = string.Join(" ", stdout.Split('\n').Select(l => l.Replace("│", " ").Trim()));
        foreach (var outlet in new[] { "Levant Ledger", "Orontes Daily", "Northern Dispatch" })
        {
            Assert.Contains(outlet, stdout);
        }
        // Cells wrap, so look for words of each quoted sentence rather than the whole line.
        Assert.Contains("“Russian warplanes", flat);
        Assert.Contains("“At least 14 people", flat);
        Assert.Contains("“An air strike on a", flat);
        Assert.Equal(1, Sitrep("show", "0000000000000000").Exit);
    }

    [Fact]
    public void Acled_csv_has_acleds_columns_names_and_codes()
    {
        var (exit, stdout, _) = Sitrep("export", "--format", "acled-csv", "--country", "UA");
        Assert.Equal(0, exit);
        var rows = Csv.Parse(stdout);
        Assert.Equal(AcledCsv.Columns, rows[0]);
        Assert.Equal(3, rows.Count);
        var kharkiv = rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).Single(r => r["location"] == "Kharkiv");
        Assert.StartsWith("UKR", kharkiv["event_id_cnty"]);
        Assert.Equal(("2024-11-29", "2024", "1"), (kharkiv["event_date"], kharkiv["year"], kharkiv["time_precision"]));
        Assert.Equal(("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
            (kharkiv["disorder_type"], kharkiv["event_type"], kharkiv["sub_event_type"]));
        Assert.Equal(("Military Forces of Russia", "1", "Civilians (Ukraine)", "7", "17", "Civilian targeting"),
            (kharkiv["actor1"], kharkiv["inter1"], kharkiv["actor2"], kharkiv["inter2"], kharkiv["interaction"], kharkiv["civilian_targeting"]));
        Assert.Equal(("804", "Europe", "Ukraine", "4"), (kharkiv["iso"], kharkiv["region"], kharkiv["country"], kharkiv["fatalities"]));
        Assert.Contains("Kyiv Courier", kharkiv["source"]);
        Assert.Contains("Eastern Bulletin", kharkiv["source"]);
        Assert.Contains(",", kharkiv["notes"]);
        Assert.True(long.Parse(kharkiv["timestamp"], System.Globalization.CultureInfo.InvariantCulture) > 1_700_000_000);
    }

    [Fact]
    public void Jsonl_export_gives_the_stored_records_behind_the_selection()
    {
        var (exit, stdout, _) = Sitrep("export", "--format", "jsonl", "--type", "air_drone_strike");
        Assert.Equal(0, exit);
        var inputs = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => global::Sitrep.Core.Records.RecordJson.Deserialize(line)!)
            .Select(r => r.Document.InputId).Order(StringComparer.Ordinal);
        Assert.Equal(["idlib-strike-levant-ledger", "idlib-strike-northern-dispatch", "idlib-strike-orontes-daily", "vovchansk-drones-eastern-bulletin"], inputs);
    }

    [Fact]
    public void Stats_count_by_day_type_and_country()
    {
        var (exit, stdout, _) = Sitrep("stats");
        Assert.Equal(0, exit);
        Assert.Contains("11 document(s), 11 current event(s), 6 incident(s) selected, 38 fatalities", stdout);
        Assert.Contains("explosions_remote_violence", stdout);
        Assert.Contains("2024-12-05", stdout);
    }

    [Theory]
    [InlineData("events", "--since", "2024-13-01")]
    [InlineData("events", "--near", "35,36")]
    [InlineData("events", "--type", "skirmish")]
    [InlineData("export", "--format", "acled-csv", "--country", "Syria")]
    public void Bad_options_are_usage_errors(params string[] args)
    {
        var (exit, _, stderr) = Sitrep(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("sitrep: ", stderr);
    }

    [Fact]
    public void Query_commands_need_an_existing_database()
    {
        var (exit, _, stderr) = examples.Sitrep.Run("events", "--db", examples.Sitrep.Path("none.db"));
        Assert.Equal(2, exit);
        Assert.Contains("no database at", stderr);
        Assert.False(File.Exists(examples.Sitrep.Path("none.db")));
    }
}

/// <summary>An RFC 4180 reader, to check what the writer quoted.</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }
        return rows;
    }
}
