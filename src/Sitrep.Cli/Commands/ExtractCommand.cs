using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Core.Data;
using Sitrep.Core.Records;
using Sitrep.Extraction;
using Sitrep.Ingest;
using Sitrep.Ingest.Cleaning;
using Sitrep.Ingest.Readers;
using Sitrep.Semantic;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

internal static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Report files (.txt .html .pdf .jsonl .xml feeds), directories (read recursively) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out", "-o") { Description = "Write DIR/<id>.json per report; without it, JSONL goes to standard output." };
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) for reports whose metadata gives none." };
        var format = new Option<string>("--format") { Description = "json (indented, one file per report) or jsonl.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "jsonl");
        var explain = new Option<bool>("--explain") { Description = "Explain each place decision on standard error." };
        var classifier = ClassifierOption.Create();
        var quiet = CommonOptions.Quiet();
        var gazetteer = CommonOptions.GazetteerPath();
        var maxRecord = CommonOptions.MaxRecordBytes();
        var command = new Command("extract", "Extract a sitrep/1 record from each report.")
        {
            inputs, output, published, format, explain, classifier, quiet, gazetteer, maxRecord,
        };
        command.SetAction(parse =>
        {
            DateOnly? date = null;
            var publishedText = parse.GetValue(published);
            if (publishedText is not null)
            {
                if (!DateOnly.TryParseExact(publishedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    throw new UsageException($"--published must be YYYY-MM-DD, not '{publishedText}'");
                }
                date = d;
            }
            return Run(parse.GetValue(inputs)!, parse.GetValue(output), date, parse.GetValue(format)!, parse.GetValue(explain),
                parse.GetValue(classifier)!, parse.GetValue(quiet), CommonOptions.ResolveGazetteer(parse.GetValue(gazetteer)),
                CommonOptions.ParseMaxRecordBytes(parse.GetValue(maxRecord)));
        });
        return command;
    }

    private static int Run(string[] inputs, string? outDir, DateOnly? published, string format, bool explain, string classifier, bool quiet,
        string gazetteerPath, long maxRecordBytes)
    {
        if (outDir is not null)
        {
            CreateOutputDirectory(outDir);
        }
        var resources = ExtractionResources.Load(CommonOptions.LoadGazetteer(gazetteerPath));
        using var learned = ClassifierOption.Load(classifier);
        var pipeline = SitrepPipeline.Create(resources, learned);
        var factory = new DocumentFactory(TextCleaner.FromData(), published);
        using var stdout = outDir is null ? new BufferedStream(Console.OpenStandardOutput()) : null;
        int ok = 0, failed = 0, renamed = 0;
        // Names written by this run: a second report with the same id (x.html beside x.pdf) gets its own file.
        var written = new HashSet<string>(OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        var progress = new ProgressLine(quiet, ProgressLine.CountReportsAhead(inputs));
        var stopwatch = Stopwatch.StartNew();
        foreach (var outcome in new ReportSource(maxRecordBytes: maxRecordBytes) { Skipped = CommonOptions.Warn }.Read(inputs, Console.In))
        {
            switch (outcome)
            {
                case ReadFailure failure:
                    failed++;
                    progress.Clear();
                    Console.Error.WriteLine($"sitrep: {failure}");
                    break;
                case ReportRead read:
                    foreach (var warning in read.Report.Warnings)
                    {
                        progress.Clear();
                        CommonOptions.Warn($"{read.Report.Where}: {warning}");
                    }
                    try
                    {
                        var document = pipeline.Run(factory.Create(read.Report));
                        var record = SitrepRecord.From(document);
                        if (explain)
                        {
                            foreach (var place in document.Places)
                            {
                                Console.Error.WriteLine($"{read.Report.InputId}: '{place.Text}' → {place.Explanation}");
                            }
                        }
                        if (stdout is not null)
                        {
                            RecordJson.Write(stdout, record, indented: false);
                            stdout.WriteByte((byte)'\n');
                        }
                        else
                        {
                            var name = UnusedName(SafeFileName(read.Report.InputId), written);
                            if (name != SafeFileName(read.Report.InputId))
                            {
                                renamed++;
                                progress.Clear();
                                CommonOptions.Warn($"{read.Report.Where}: id already written by this run; record written to {name}.json");
                            }
                            var path = Path.Combine(outDir!, name + ".json");
                            using var file = File.Create(path);
                            RecordJson.Write(file, record, indented: format == "json");
                        }
                        ok++;
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        failed++;
                        progress.Clear();
                        Console.Error.WriteLine($"sitrep: {read.Report.Where}: extraction failed: {e.GetType().Name}: {e.Message}");
                    }
                    break;
            }
            progress.Report(ok + failed, stopwatch.Elapsed);
        }
        stdout?.Flush();
        progress.Clear();
        if (!quiet)
        {
            var renames = renamed > 0 ? $" ({renamed} under a new name, their id being taken)" : "";
            Console.Error.WriteLine($"{ok} report(s) extracted{renames}, {failed} failed, {stopwatch.Elapsed.TotalSeconds:F1} s");
        }
        return failed > 0 ? 1 : 0;
    }

    private static void CreateOutputDirectory(string outDir)
    {
        if (File.Exists(outDir))
        {
            throw new UsageException($"--out {outDir} is a file; --out takes a directory to write <id>.json files into");
        }
        try
        {
            Directory.CreateDirectory(outDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot create the output directory {outDir}: {e.Message}");
        }
    }

    /// <summary>The name itself when this run has not written it yet, else the name with the first free counter ("x-2").</summary>
    private static string UnusedName(string name, HashSet<string> written)
    {
        var candidate = name;
        for (int n = 2; !written.Add(candidate); n++)
        {
            candidate = $"{name}-{n}";
        }
        return candidate;
    }

    private static string SafeFileName(string id)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(id.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        return safe.Length == 0 ? "report" : safe;
    }
}

/// <summary>
/// A live progress line on standard error (Spectre.Console), only when it is a terminal: a bar
/// over the input files when their number is known, else a spinner, with the rate.
/// </summary>
internal sealed class ProgressLine(bool quiet, int totalInputs = 0)
{
    private static readonly string[] Spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    private readonly bool _enabled = !quiet && !Console.IsErrorRedirected;
    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    private TimeSpan _last = TimeSpan.Zero;
    private int _frame;

    /// <summary>One report per input when every input is a single-report file; 0 when the count is unknown ahead.</summary>
    public static int CountReportsAhead(IReadOnlyCollection<string> inputs) =>
        inputs.All(i => File.Exists(i) && Path.GetExtension(i).ToLowerInvariant() is not (".jsonl" or ".ndjson" or ".xml" or ".rss" or ".atom"))
            ? inputs.Count
            : 0;

    public void Report(int done, TimeSpan elapsed)
    {
        if (!_enabled || elapsed - _last < TimeSpan.FromMilliseconds(150))
        {
            return;
        }
        _last = elapsed;
        var rate = done / Math.Max(elapsed.TotalSeconds, 0.001);
        var head = totalInputs > 1 && done <= totalInputs
            ? $"[green]{new string('━', done * 30 / totalInputs)}[/][grey]{new string('━', 30 - done * 30 / totalInputs)}[/] {done}/{totalInputs}"
            : $"[yellow]{Spinner[_frame++ % Spinner.Length]}[/] {done} reports";
        Console.Error.Write('\r');
        _console.Markup($"{head}  [blue]{rate:F0}/s[/]   ");
    }

    public void Clear()
    {
        if (_enabled && _last > TimeSpan.Zero)
        {
            Console.Error.Write("\r" + new string(' ', 60) + "\r");
        }
    }
}
