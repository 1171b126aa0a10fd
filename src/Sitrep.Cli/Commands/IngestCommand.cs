using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using Sitrep.Core.Data;
using Sitrep.Core.Records;
using Sitrep.Extraction;
using Sitrep.Ingest;
using Sitrep.Ingest.Cleaning;
using Sitrep.Ingest.Readers;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Report files (.txt .html .pdf .jsonl .xml feeds), directories (read recursively) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) for reports whose metadata gives none." };
        var store = new StoreOptions();
        var quiet = CommonOptions.Quiet();
        var gazetteer = CommonOptions.GazetteerPath();
        var classifier = ClassifierOption.Create();
        var maxRecord = CommonOptions.MaxRecordBytes();
        var command = new Command("ingest", "Extract each report and store it with its events, then merge the events into incidents.")
        {
            inputs, store.Db, published, quiet, gazetteer, classifier, maxRecord,
        };
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(store.Db), StoreOptions.Day(parse.GetValue(published), "--published"),
            parse.GetValue(quiet), CommonOptions.ResolveGazetteer(parse.GetValue(gazetteer)), parse.GetValue(classifier)!,
            CommonOptions.ParseMaxRecordBytes(parse.GetValue(maxRecord))));
        return command;
    }

    /// <summary>What the extraction stage hands the store: a record, a report already stored, or a failure.</summary>
    private abstract record Outcome(string Input);

    private sealed record Extracted(string Input, SitrepRecord Record) : Outcome(Input);

    private sealed record AlreadyStored(string Input) : Outcome(Input);

    private sealed record Failed(string Input, string Message) : Outcome(Input);

    private static int Run(string[] inputs, string? db, DateOnly? published, bool quiet, string gazetteerPath, string classifier, long maxRecordBytes)
    {
        // The store first: a wrong --db is told before the slow gazetteer load.
        using var store = StoreOptions.OpenForWriting(db);
        var resources = ExtractionResources.Load(CommonOptions.LoadGazetteer(gazetteerPath));
        using var learned = ClassifierOption.Load(classifier);
        var pipeline = SitrepPipeline.Create(resources, learned);
        var factory = new DocumentFactory(TextCleaner.FromData(), published);

        Outcome Extract(ReadOutcome read)
        {
            if (read is ReadFailure failure)
            {
                return new Failed(failure.Input, failure.ToString());
            }
            var report = ((ReportRead)read).Report;
            foreach (var warning in report.Warnings)
            {
                CommonOptions.Warn($"{report.Where}: {warning}");
            }
            try
            {
                var document = factory.Create(report);
                // The content id is known before extraction: a report stored by an earlier run costs no extraction.
                if (store.Contains(SitrepRecord.ContentId(document.Text)))
                {
                    return new AlreadyStored(report.Source);
                }
                return new Extracted(report.Source, SitrepRecord.From(pipeline.Run(document)));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return new Failed(report.Source, $"{report.Where}: extraction failed: {e.GetType().Name}: {e.Message}");
            }
        }

        int added = 0, duplicates = 0, failed = 0;
        var progress = new ProgressLine(quiet, ProgressLine.CountReportsAhead(inputs));
        var stopwatch = Stopwatch.StartNew();
        // Extraction runs on every core; storing stays on this thread, one transaction per document, in input order.
        foreach (var outcome in new ReportSource(maxRecordBytes: maxRecordBytes) { Skipped = CommonOptions.Warn }.Read(inputs, Console.In).AsParallel().AsOrdered().Select(Extract))
        {
            switch (outcome)
            {
                case Extracted extracted:
                    try
                    {
                        if (store.AddDocument(extracted.Record))
                        {
                            added++;
                        }
                        else
                        {
                            duplicates++;
                        }
                    }
                    catch (DbException e)
                    {
                        failed++;
                        progress.Clear();
                        Console.Error.WriteLine($"sitrep: {extracted.Input}: not stored: {e.Message}");
                    }
                    break;
                case AlreadyStored:
                    duplicates++;
                    break;
                case Failed failure:
                    failed++;
                    progress.Clear();
                    Console.Error.WriteLine($"sitrep: {failure.Message}");
                    break;
            }
            progress.Report(added + duplicates + failed, stopwatch.Elapsed);
        }
        progress.Clear();
        int incidents = store.RebuildIncidents();
        Console.Out.WriteLine($"{added} new document(s), {duplicates} duplicate(s) skipped, {failed} failed; {incidents} incident(s) in the store");
        if (!quiet)
        {
            Console.Error.WriteLine($"{stopwatch.Elapsed.TotalSeconds:F1} s");
        }
        return failed > 0 ? 1 : 0;
    }
}
