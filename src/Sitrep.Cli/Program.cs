using System.CommandLine;
using Sitrep.Cli.Commands;

var root = new RootCommand("Sitrep: conflict news reports in, structured, sourced, geolocated sitrep/1 event records out.")
{
    ExtractCommand.Create(),
    IngestCommand.Create(),
    EventsCommand.Create(),
    ShowCommand.Create(),
    StatsCommand.Create(),
    ExportCommand.Create(),
    EvalCommand.Create(),
    TrainCommand.Create(),
    GazetteerCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"sitrep: {error.Message}");
    }
    Console.Error.WriteLine("Run 'sitrep --help' for usage.");
    return 2;
}
try
{
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UsageException e)
{
    Console.Error.WriteLine($"sitrep: {e.Message}");
    return 2;
}
