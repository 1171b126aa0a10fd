using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Core.Records;
using Sitrep.Store;
using Sitrep.Store.Export;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

internal static class EventsCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var format = new Option<string>("--format") { Description = "table, json (incidents with every report), csv or geojson.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv", "geojson");
        var limit = new Option<int?>("--limit") { Description = "At most this many incidents, earliest first." };
        var command = new Command("events", "List the stored incidents, each with the reports that tell it.")
        {
            store.Db, format, limit, CommonOptions.Quiet(),
        };
        foreach (var filter in store.Filters)
        {
            command.Options.Add(filter);
        }
        command.SetAction(parse =>
        {
            if (parse.GetValue(limit) is <= 0)
            {
                throw new UsageException("--limit must be a positive number");
            }
            var query = store.Query(parse) with { Limit = parse.GetValue(limit) };
            using var events = StoreOptions.OpenExisting(parse.GetValue(store.Db));
            var incidents = events.QueryIncidents(query);
            switch (parse.GetValue(format))
            {
                case "json":
                    Console.Out.WriteLine(JsonSerializer.Serialize(incidents, RecordJson.Indented));
                    break;
                case "csv":
                    WriteCsv(Console.Out, incidents);
                    break;
                case "geojson":
                    IncidentGeoJson.Write(Console.OpenStandardOutput(), incidents);
                    Console.Out.WriteLine();
                    break;
                default:
                    WriteTable(incidents);
                    break;
            }
            return 0;
        });
        return command;
    }

    private static readonly string[] CsvColumns =
    [
        "id", "date_start", "date_end", "event_type", "sub_event_type", "actor1", "actor2", "location", "country", "admin1",
        "lat", "lon", "fatalities", "fatalities_low", "fatalities_high", "reports", "outlets",
    ];

    private static void WriteCsv(TextWriter writer, IReadOnlyList<Incident> incidents)
    {
        static string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
        static string D(double? d) => d?.ToString("0.0####", CultureInfo.InvariantCulture) ?? "";
        AcledCsv.WriteRow(writer, CsvColumns);
        foreach (var i in incidents)
        {
            AcledCsv.WriteRow(writer,
            [
                i.Id, i.Date?.Start ?? "", i.Date?.End ?? "", i.EventType, i.SubEventType, i.Actor1?.Name ?? "", i.Actor2?.Name ?? "",
                i.Location?.Name ?? "", i.Location?.Country ?? "", i.Location?.Admin1 ?? "", D(i.Location?.Lat), D(i.Location?.Lon),
                N(i.Fatalities.Best), N(i.Fatalities.Low), N(i.Fatalities.High), N(i.Reports.Count), Outlets(i),
            ]);
        }
    }

    public static string Outlets(Incident incident) =>
        string.Join("; ", incident.Reports.Select(r => r.Document.Outlet ?? r.Document.InputId).Distinct());

    public static string Toll(Incident incident) => incident.Fatalities switch
    {
        { Best: null } => "",
        { Low: int low, High: int high } f when low != high => $"{f.Best} ({low}–{high})",
        var f => f.Best!.Value.ToString(CultureInfo.InvariantCulture),
    };

    private static void WriteTable(IReadOnlyList<Incident> incidents)
    {
        Tables.WidenWhenRedirected();
        var table = new Table()
            .AddColumns(new TableColumn("id").NoWrap(), new TableColumn("date").NoWrap())
            .AddColumns("type", "sides", "location", "killed", "reports");
        foreach (var i in incidents)
        {
            var sides = i.Actor1?.Name + (i.Actor2 is null ? "" : " vs " + i.Actor2.Name);
            var where = i.Location is null ? "" : $"{i.Location.Name}, {i.Location.Country}";
            table.AddRow(i.Id, Markup.Escape(i.Date?.Start ?? ""), Markup.Escape(i.SubEventType.Replace('_', ' ')), Markup.Escape(sides),
                Markup.Escape(where), Toll(i), Markup.Escape($"{i.Reports.Count}: {Outlets(i)}"));
        }
        table.Caption = new TableTitle($"{incidents.Count} incident(s)");
        AnsiConsole.Write(table);
    }
}
