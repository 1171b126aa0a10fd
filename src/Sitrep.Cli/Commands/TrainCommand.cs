using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Sitrep.Core.Data;
using Sitrep.Core.Pipeline;
using Sitrep.Extraction;
using Sitrep.Ingest;
using Sitrep.Ingest.Cleaning;
using Sitrep.Semantic;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>sitrep train: the event classifier from data/training, deterministic, with its figures.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "Training TSV files (text, label, style, country); default: data/training/events-train-*.tsv.",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string?>("--out", "-o") { Description = "Model file to write (default: data/models/event-classifier.zip)." };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds over the training files (0: none).", DefaultValueFactory = _ => 5 };
        var l2 = new Option<float>("--l2") { Description = "L2 regularisation of the maximum-entropy model.", DefaultValueFactory = _ => EventClassifierModel.DefaultL2 };
        var validation = new Option<string?>("--validation")
        {
            Description = "Held-out TSV to measure on, never trained on (default: data/training/events-validation.tsv when present; 'none' to skip).",
        };
        var compare = new Option<bool>("--compare") { Description = "Also score the trigger rules alone and rules + classifier on the validation file." };
        var report = new Option<string?>("--report") { Description = "Write every figure as JSON to this file." };
        var cache = new Option<string?>("--cache")
        {
            Description = "Embedding cache file (default: .cache/embeddings.bin in the checkout; 'none' to embed everything afresh).",
        };
        var quiet = CommonOptions.Quiet();
        var gazetteer = CommonOptions.GazetteerPath();
        var command = new Command("train", "Train the event classifier (MiniLM embeddings + word n-grams, L-BFGS maximum entropy) and report its figures.")
        {
            data, output, folds, l2, validation, compare, report, cache, quiet, gazetteer,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(folds) is 1 or < 0)
            {
                throw new UsageException("--folds must be 0 (none) or at least 2");
            }
            var files = parse.GetValue(data) is { Length: > 0 } given ? given : TrainingSet.TrainingFiles(DataDirectory.InRepository("training")).ToArray();
            if (files.Length == 0)
            {
                throw new UsageException("no training files: pass --data FILE...");
            }
            var cacheFile = parse.GetValue(cache) ?? EmbeddingCache.DefaultPath();
            var validationFile = parse.GetValue(validation) ?? DataDirectory.InRepository("training", "events-validation.tsv");
            return Run(files, parse.GetValue(output) ?? DataDirectory.InRepository("models", "event-classifier.zip"), parse.GetValue(folds), parse.GetValue(l2),
                validationFile == "none" || !File.Exists(validationFile) ? null : validationFile, parse.GetValue(compare), parse.GetValue(report),
                cacheFile == "none" ? null : cacheFile, parse.GetValue(quiet), CommonOptions.ResolveGazetteer(parse.GetValue(gazetteer)));
        });
        return command;
    }

    private static int Run(string[] files, string modelPath, int folds, float l2, string? validationFile, bool compare, string? reportPath,
        string? cacheFile, bool quiet, string gazetteerPath)
    {
        foreach (var file in files.Append(validationFile).OfType<string>().Where(f => !File.Exists(f)))
        {
            throw new UsageException($"no such training file: {file}");
        }
        List<TrainingExample> examples, held;
        try
        {
            examples = TrainingSet.Read(files);
            held = validationFile is null ? [] : TrainingSet.Read([validationFile]);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"sitrep train: {e.Message}");
            return 1;
        }
        var figures = new Dictionary<string, ClassificationReport>();
        using var encoder = new PassageEncoder();
        var cache = cacheFile is null ? null : new EmbeddingCache(cacheFile);
        var stopwatch = Stopwatch.StartNew();
        var embeddings = Embed(encoder, cache, examples.Select(e => e.Text).ToList(), "training", quiet);
        Say(quiet, $"embedded {examples.Count} passages in {stopwatch.Elapsed.TotalSeconds:F1} s ({examples.Count / stopwatch.Elapsed.TotalSeconds:F0}/s)");
        var ml = new MLContext(EventClassifierModel.Seed);
        if (folds >= 2)
        {
            stopwatch.Restart();
            figures["cross-validation (classifier)"] = ClassificationReport.CrossValidate(examples, embeddings, folds, l2);
            Say(quiet, $"{folds}-fold cross-validation in {stopwatch.Elapsed.TotalSeconds:F1} s");
        }
        stopwatch.Restart();
        var model = EventClassifierModel.Fit(ml, examples, embeddings, l2);
        EventClassifierModel.Save(ml, model, modelPath);
        Say(quiet, $"trained on {examples.Count} passages ({files.Length} files) in {stopwatch.Elapsed.TotalSeconds:F1} s; model written to {modelPath}");
        if (held.Count > 0)
        {
            var heldEmbeddings = Embed(encoder, cache, held.Select(e => e.Text).ToList(), "validation", quiet);
            var gold = held.Select(e => e.Label).ToList();
            var predicted = EventClassifierModel.Predict(ml, model, held.Select(e => e.Text).ToList(), heldEmbeddings).Select(p => p.Label).ToList();
            figures["validation (classifier)"] = ClassificationReport.Of(gold, predicted);
            if (compare)
            {
                var resources = ExtractionResources.Load(CommonOptions.LoadGazetteer(gazetteerPath));
                using var learned = EventClassifier.FromModel(model, encoder);
                figures["validation (rules)"] = ClassificationReport.Of(gold, PipelineLabels(SitrepPipeline.Create(resources), held));
                figures["validation (rules + classifier)"] = ClassificationReport.Of(gold, PipelineLabels(SitrepPipeline.Create(resources, learned), held));
            }
        }
        Print(figures);
        if (reportPath is not null)
        {
            File.WriteAllText(reportPath, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
        }
        return 0;
    }

    private static float[][] Embed(PassageEncoder encoder, EmbeddingCache? cache, List<string> texts, string what, bool quiet)
    {
        var progress = quiet || Console.IsErrorRedirected
            ? null
            : new Progress<int>(done => Console.Error.Write($"\rembedding {what} passages: {done} new   "));
        var vectors = cache is null ? encoder.Encode(texts, progress) : cache.Encode(encoder, texts, progress);
        if (progress is not null)
        {
            Console.Error.WriteLine();
        }
        return vectors;
    }

    /// <summary>What a whole pipeline makes of one passage: the sub-type of its first current event, else "none".</summary>
    private static List<string> PipelineLabels(Pipeline pipeline, List<TrainingExample> passages)
    {
        var factory = new DocumentFactory(TextCleaner.FromData(), new DateOnly(2024, 6, 15));
        return passages.Select((p, i) =>
        {
            var document = pipeline.Run(factory.Create(new RawReport($"v{i}", "validation.tsv", p.Text)));
            return document.Events.FirstOrDefault(e => e.Timeframe == "current" && e.Certainty != "denied")?.SubEventType ?? "none";
        }).ToList();
    }

    private static void Print(Dictionary<string, ClassificationReport> figures)
    {
        var summary = new Table().AddColumns("measured on", "n", "accuracy", "macro-F1", "weighted F1");
        foreach (var (name, r) in figures)
        {
            summary.AddRow(name, r.Count.ToString(CultureInfo.InvariantCulture), F(r.Accuracy), F(r.MacroF1), F(r.WeightedF1));
        }
        AnsiConsole.Write(summary);
        var perLabel = new Table().AddColumn("label").AddColumn("n");
        foreach (var name in figures.Keys)
        {
            perLabel.AddColumn(Markup.Escape(name.Replace("validation ", "val ").Replace("cross-validation ", "cv ")) + " F1");
        }
        foreach (var label in TrainingSet.Labels)
        {
            var support = figures.Values.Select(r => r.Labels.FirstOrDefault(l => l.Label == label)?.Support).FirstOrDefault(s => s is not null);
            perLabel.AddRow([label, support?.ToString(CultureInfo.InvariantCulture) ?? "0",
                .. figures.Values.Select(r => r.Labels.FirstOrDefault(l => l.Label == label) is { } l ? F(l.F1) : "-")]);
        }
        AnsiConsole.Write(perLabel);
    }

    private static string F(double x) => x.ToString("F3", CultureInfo.InvariantCulture);

    private static void Say(bool quiet, string message)
    {
        if (!quiet)
        {
            Console.Error.WriteLine($"sitrep train: {message}");
        }
    }
}
