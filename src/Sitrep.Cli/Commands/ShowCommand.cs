using System.CommandLine;
using Sitrep.Core.Annotations;
using Sitrep.Core.Records;
using Sitrep.Store;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("INCIDENT_ID") { Description = "An incident id as 'sitrep events' lists it." };
        var store = new StoreOptions();
        var command = new Command("show", "One incident: every report that tells it side by side, with the text it rests on.")
        {
            id, store.Db, CommonOptions.Quiet(),
        };
        command.SetAction(parse =>
        {
            using var events = StoreOptions.OpenExisting(parse.GetValue(store.Db));
            var incidentId = parse.GetValue(id)!;
            if (events.GetIncident(incidentId) is not { } incident)
            {
                Console.Error.WriteLine($"sitrep show: no incident {incidentId}");
                return 1;
            }
            Write(incident, events);
            return 0;
        });
        return command;
    }

    private static void Write(Incident incident, IEventStore events)
    {
        Tables.WidenWhenRedirected();
        AnsiConsole.Write(new Rule(Markup.Escape($"incident {incident.Id}")).LeftJustified());
        AnsiConsole.WriteLine(incident.Notes);
        var toll = EventsCommand.Toll(incident);
        AnsiConsole.WriteLine($"fatalities: {(toll.Length > 0 ? toll : "unknown")}; certainty: {incident.Certainty}");
        AnsiConsole.WriteLine();

        var table = new Table().AddColumn("");
        foreach (var report in incident.Reports)
        {
            table.AddColumn(Markup.Escape(report.Document.Outlet ?? report.Document.InputId));
        }
        void Row(string label, Func<IncidentReport, string> cell) =>
            table.AddRow([new Markup($"[bold]{label}[/]"), .. incident.Reports.Select(r => new Markup(Markup.Escape(cell(r))))]);

        // Each report's text is read once, for its evidence quotes.
        var texts = incident.Reports.Select(r => r.Document.Id).Distinct()
            .ToDictionary(d => d, d => events.GetDocument(d)?.Document.Text ?? "");
        string Quote(IncidentReport r, int start, int end)
        {
            var text = texts[r.Document.Id];
            return start >= 0 && end <= text.Length && start < end ? "“" + text[start..end].ReplaceLineEndings(" ") + "”" : "(span outside the text)";
        }

        Row("document", r => $"{r.Document.InputId}\n{r.Document.Source}");
        Row("published", r => r.Document.Published ?? "unknown");
        Row("type", r => r.Event.SubEventType.Replace('_', ' '));
        Row("date", r => r.Event.Date is { } d ? (d.Start == d.End ? d.Start : $"{d.Start}..{d.End}") + $" ({d.Precision})" : "unknown");
        Row("sides", r => Sides(r.Event));
        Row("location", r => r.Event.Location is { } l ? $"{l.Name}, {l.Admin1 ?? l.Country} (precision {l.Precision})" : "unknown");
        Row("killed", r => r.Event.Fatalities.Best?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not given");
        Row("certainty", r => r.Event.Certainty);
        Row("sources", r => r.Sources.Count == 0 ? "(none named)" : string.Join("; ", r.Sources));
        Row("figures", r => string.Join("\n", r.Figures.Select(f =>
            $"{f.Count.Best} {f.Outcome} ({f.Victims}{(f.Source is null ? "" : ", per " + f.Source)}): {Quote(r, f.Start, f.End)}")));
        Row("evidence", r => string.Join("\n", r.Event.Evidence.Select(e => Quote(r, e.Start, e.End))));
        AnsiConsole.Write(table);
    }

    private static string Sides(Event e) =>
        (e.Actor1?.Name ?? "unknown") + (e.AssocActor1.Count > 0 ? $" (with {string.Join(", ", e.AssocActor1.Select(a => a.Name))})" : "") +
        (e.Actor2 is null ? "" : $"\nvs {e.Actor2.Name}");
}
