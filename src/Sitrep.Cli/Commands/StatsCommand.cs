using System.CommandLine;
using System.Globalization;
using Sitrep.Store;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

internal static class StatsCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var command = new Command("stats", "Counts and fatalities of the stored incidents by day, type and country.")
        {
            store.Db, CommonOptions.Quiet(),
        };
        foreach (var filter in store.Filters)
        {
            command.Options.Add(filter);
        }
        command.SetAction(parse =>
        {
            using var events = StoreOptions.OpenExisting(parse.GetValue(store.Db));
            var stats = events.Stats(store.Query(parse));
            Tables.WidenWhenRedirected();
            AnsiConsole.WriteLine($"{stats.Documents} document(s), {stats.Events} current event(s), {stats.Incidents} incident(s) selected, {stats.Fatalities} fatalities");
            Write("day", stats.ByDay);
            Write("type", stats.ByType);
            Write("country", stats.ByCountry);
            return 0;
        });
        return command;
    }

    private static void Write(string key, IReadOnlyList<StatsRow> rows)
    {
        var table = new Table().AddColumn(key).AddColumn(new TableColumn("incidents").RightAligned()).AddColumn(new TableColumn("fatalities").RightAligned());
        foreach (var row in rows)
        {
            table.AddRow(Markup.Escape(row.Key), row.Incidents.ToString(CultureInfo.InvariantCulture), row.Fatalities.ToString(CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
    }
}
