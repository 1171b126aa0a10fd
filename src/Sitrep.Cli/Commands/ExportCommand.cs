using System.CommandLine;
using System.Text;
using Sitrep.Core.Records;
using Sitrep.Store.Export;

namespace Sitrep.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var format = new Option<string>("--format") { Description = "acled-csv (ACLED's columns), geojson (incidents) or jsonl (full stored records).", Required = true };
        format.AcceptOnlyFromAmong("acled-csv", "geojson", "jsonl");
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Write the stored incidents, or the records behind them, in an exchange format.")
        {
            store.Db, format, output, CommonOptions.Quiet(),
        };
        foreach (var filter in store.Filters)
        {
            command.Options.Add(filter);
        }
        command.SetAction(parse =>
        {
            var query = store.Query(parse);
            var path = parse.GetValue(output);
            if (path is not null)
            {
                CheckOutputFile(path);
            }
            using var events = StoreOptions.OpenExisting(parse.GetValue(store.Db));
            using var stream = path is null ? Console.OpenStandardOutput() : Create(path);
            switch (parse.GetValue(format))
            {
                case "acled-csv":
                    using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
                    {
                        AcledCsv.Write(writer, events.QueryIncidents(query), Countries.Load());
                    }
                    break;
                case "geojson":
                    IncidentGeoJson.Write(stream, events.QueryIncidents(query));
                    break;
                default:
                    using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
                    {
                        foreach (var record in events.Records(query))
                        {
                            writer.WriteLine(RecordJson.Serialize(record, indented: false));
                        }
                    }
                    break;
            }
            return 0;
        });
        return command;
    }

    private static FileStream Create(string path)
    {
        try
        {
            return File.Create(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot write {path}: {e.Message}");
        }
    }

    private static void CheckOutputFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"-o {path} is a directory; give the file to write, e.g. {Path.Combine(path, "export.csv")}");
        }
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (parent is not null && !Directory.Exists(parent))
        {
            throw new UsageException($"-o {path}: directory {parent} does not exist");
        }
    }
}
