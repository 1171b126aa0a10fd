using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sitrep.Core.Data;
using Sitrep.Extraction;
using Sitrep.Extraction.Segmentation;
using Sitrep.Ingest;
using Sitrep.Ingest.Cleaning;
using Sitrep.Ingest.Readers;

// Corpus throughput: writes N synthetic ~3 KB reports (sentences we wrote, recombined),
// then times each stage over them on all cores and prints reports/s and peak memory.
// "length FILE..." instead times each stage on each file once, to see which grows faster than the text.
if (args.Length > 0 && args[0] == "length")
{
    ReportLength.Measure(args.Skip(1).ToList(), Environment.GetEnvironmentVariable("SITREP_GAZETTEER"));
    return;
}
int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20000;
var gazetteerPath = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("SITREP_GAZETTEER");
var dir = Directory.CreateTempSubdirectory("sitrep-bench-").FullName;
try
{
    var corpus = Path.Combine(dir, "corpus.jsonl");
    SyntheticCorpus.Write(corpus, count);
    Console.WriteLine($"corpus: {count} reports, {new FileInfo(corpus).Length / count} bytes each on average, {Environment.ProcessorCount} cores");

    var cleaner = TextCleaner.FromData();
    var factory = new DocumentFactory(cleaner, new DateOnly(2024, 11, 29));
    var segmentation = SitrepPipeline.CreateSegmentation(Abbreviations.Load(DataDirectory.File("lexicon", "abbreviations.tsv")));
    Measure("read + clean + segment", count, () =>
        new ReportSource().Read([corpus]).OfType<ReportRead>().AsParallel()
            .Select(r => segmentation.Run(factory.Create(r.Report)).Sentences.Count).Sum());

    if (gazetteerPath is not null && File.Exists(gazetteerPath))
    {
        var load = Stopwatch.StartNew();
        var gazetteer = Sitrep.Gazetteer.Gazetteer.Load(gazetteerPath);
        Console.WriteLine($"gazetteer load: {load.Elapsed.TotalMilliseconds:F0} ms ({gazetteer.Count} places, {gazetteer.NameCount} names)");
        var pipeline = SitrepPipeline.Create(ExtractionResources.Load(gazetteer));
        var reports = new ReportSource().Read([corpus]).OfType<ReportRead>().Select(r => r.Report).ToList();
        // The layers each issue promises a rate for: geoparsing, everything below events, everything.
        var geoparse = new Sitrep.Core.Pipeline.Pipeline(pipeline.Components.Take(3));
        var belowEvents = new Sitrep.Core.Pipeline.Pipeline(pipeline.Components.Where(c => c.Name != "events"));
        Measure("geoparse (segment + dateline + places)", count, () =>
            reports.AsParallel().Select(r => geoparse.Run(factory.Create(r)).Places.Count).Sum());
        Measure("pipeline below events (places, actors, figures, attribution, dates)", count, () =>
            reports.AsParallel().Select(r => belowEvents.Run(factory.Create(r)).Casualties.Count).Sum());
        Measure("full pipeline (extract)", count, () =>
            reports.AsParallel().Select(r => pipeline.Run(factory.Create(r)).Events.Count).Sum());

        // The trained event classifier (MiniLM + n-grams) on the candidate sentences, over the first 2,000 reports.
        using (var classifier = Sitrep.Semantic.EventClassifier.Load(Sitrep.Semantic.EventClassifier.DefaultModelPath()))
        {
            var withClassifier = SitrepPipeline.Create(ExtractionResources.Load(gazetteer), classifier);
            var sample = reports.Take(2000).ToList();
            Measure("full pipeline with the event classifier on", sample.Count, () =>
                sample.AsParallel().Select(r => withClassifier.Run(factory.Create(r)).Events.Count).Sum());
        }

        // Where the time goes: each component timed on one core over the first 2,000 reports.
        var perComponent = pipeline.Components.ToDictionary(c => c.Name, _ => TimeSpan.Zero);
        foreach (var report in reports.Take(2000))
        {
            var document = factory.Create(report);
            foreach (var component in pipeline.Components)
            {
                var watch = Stopwatch.StartNew();
                component.Annotate(document);
                perComponent[component.Name] += watch.Elapsed;
            }
        }
        Console.WriteLine("per component, ms per report (one core): " +
                          string.Join(", ", perComponent.Select(kv => $"{kv.Key} {kv.Value.TotalMilliseconds / 2000:F3}")));
    }
    else
    {
        Console.WriteLine("full pipeline: skipped (pass a gazetteer index as the second argument or set SITREP_GAZETTEER)");
    }
}
finally
{
    Directory.Delete(dir, recursive: true);
}

static void Measure(string name, int count, Func<int> run)
{
    run();
    var watch = Stopwatch.StartNew();
    var checksum = run();
    watch.Stop();
    Console.WriteLine($"{name}: {count / watch.Elapsed.TotalSeconds:F0} reports/s ({watch.Elapsed.TotalSeconds:F2} s, checksum {checksum}), " +
                      $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
}

/// <summary>Reports assembled from sentences written for this benchmark, with names varied.</summary>
internal static class SyntheticCorpus
{
    private static readonly string[] Places = ["Aleppo", "Idlib", "Homs", "Kharkiv", "Omdurman", "El Fasher", "Goma", "Gao", "Lashio", "Gwoza"];
    private static readonly string[] Groups = ["HTS", "the RSF", "M23", "JNIM", "the MNDAA", "Boko Haram", "the Houthis", "Hamas"];

    private static readonly string[] Sentences =
    [
        "Fighters from {g} seized several villages on the outskirts of {p} on Friday, a war monitor said.",
        "At least {n} civilians were killed and {m} others wounded in air strikes on {p}, according to local officials.",
        "Government troops said they had repelled an attack by {g} near {p} overnight.",
        "\"We will not allow the city to fall,\" a military spokesman told reporters in {p}.",
        "Thousands of residents fled {p} towards the border, the UN refugee agency said.",
        "The army shelled positions held by {g} north of {p} on Thursday, killing {n} fighters.",
        "Witnesses said drones struck a market in {p} before dawn on Saturday.",
        "{g} denied responsibility for the blast, which killed {n} people at a checkpoint.",
        "Aid groups warned that more than {m} families in {p} had no access to clean water.",
        "Talks on a ceasefire brokered by regional mediators stalled last week, officials said.",
    ];

    public static void Write(string path, int count)
    {
        var random = new Random(42);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Clear();
            while (text.Length < 3000)
            {
                var s = Sentences[random.Next(Sentences.Length)]
                    .Replace("{p}", Places[random.Next(Places.Length)])
                    .Replace("{g}", Groups[random.Next(Groups.Length)])
                    .Replace("{n}", random.Next(2, 60).ToString(CultureInfo.InvariantCulture))
                    .Replace("{m}", random.Next(60, 900).ToString(CultureInfo.InvariantCulture));
                text.Append(s).Append(random.Next(3) == 0 ? "\n\n" : " ");
            }
            writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { id = $"bench-{i}", text = text.ToString() }));
        }
    }
}

/// <summary>Each stage timed on one long report at a time (reading, cleaning, every component, the record), with the live heap after it.</summary>
internal static class ReportLength
{
    public static void Measure(IReadOnlyList<string> files, string? gazetteerPath)
    {
        var gazetteer = Sitrep.Gazetteer.Gazetteer.Load(gazetteerPath ?? throw new InvalidOperationException("set SITREP_GAZETTEER"));
        var pipeline = SitrepPipeline.Create(ExtractionResources.Load(gazetteer));
        var factory = new DocumentFactory(TextCleaner.FromData(), new DateOnly(2024, 11, 29));
        foreach (var file in files)
        {
            var times = new List<(string Stage, TimeSpan Time)>();
            var live = new List<long>();
            var watch = Stopwatch.StartNew();
            var report = new ReportSource().Read([file]).OfType<ReportRead>().Single().Report;
            times.Add(("read", watch.Elapsed));
            live.Add(GC.GetTotalMemory(forceFullCollection: true));
            watch.Restart();
            var document = factory.Create(report);
            times.Add(("clean", watch.Elapsed));
            live.Add(GC.GetTotalMemory(forceFullCollection: true));
            foreach (var component in pipeline.Components)
            {
                watch.Restart();
                component.Annotate(document);
                times.Add((component.Name, watch.Elapsed));
                live.Add(GC.GetTotalMemory(forceFullCollection: true));
            }
            watch.Restart();
            var json = new CountingStream();
            Sitrep.Core.Records.RecordJson.Write(json, Sitrep.Core.Records.SitrepRecord.From(document), indented: false);
            times.Add(("record", watch.Elapsed));
            live.Add(GC.GetTotalMemory(forceFullCollection: true));
            var kb = new FileInfo(file).Length / 1024.0;
            Console.WriteLine($"{Path.GetFileName(file)} {kb:F0} KB, {json.Length / 1024} KB out: " +
                              string.Join(", ", times.Select(t => $"{t.Stage} {t.Time.TotalMilliseconds:F0}")) + " ms; live heap after each, MB: " +
                              string.Join(", ", live.Select(b => b / (1024 * 1024))) +
                              $"; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        }
    }
}

/// <summary>Where the record is written in the length benchmark: only its size is kept.</summary>
internal sealed class CountingStream : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Position;

    public override long Position { get; set; }

    public override void Write(byte[] buffer, int offset, int count) => Position += count;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
