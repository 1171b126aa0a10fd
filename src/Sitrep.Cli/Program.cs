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

// "sitrep help [COMMAND...]" is "sitrep [COMMAND...] --help", as in git and dotnet.
if (args is ["help", .. var topic])
{
    args = [.. topic, "--help"];
}

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"sitrep: {error.Message}");
    }
    Console.Error.WriteLine("Run 'sitrep help' for usage.");
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
catch (CommandFailedException e)
{
    Console.Error.WriteLine($"sitrep: {e.Message}");
    return 1;
}
catch (Exception e)
{
    // Last resort: whatever a command did not foresee is one line, not a stack trace, unless asked for.
    var inner = e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e;
    Console.Error.WriteLine($"sitrep: {inner.Message.Split('\n', 2)[0].Trim()}");
    if (Environment.GetEnvironmentVariable("SITREP_DEBUG") == "1")
    {
        Console.Error.WriteLine(e);
    }
    return 1;
}
