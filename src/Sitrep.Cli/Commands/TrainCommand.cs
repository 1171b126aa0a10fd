using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Sitrep.Core.Data;
using Sitrep.Core.Pipeline;
using Sitrep.Extraction;
using Sitrep.Extraction.Events;
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
        var compare = new Option<bool>("--compare")
        {
            Description = "Also score the trigger rules alone and rules + classifier, on out-of-fold predictions over the training files and on the validation file.",
        };
        var tune = new Option<bool>("--tune")
        {
            Description = "Search the rules/classifier combination thresholds on out-of-fold predictions over the training files (never the validation file) and print the best.",
        };
        var report = new Option<string?>("--report") { Description = "Write every figure as JSON to this file." };
        var cache = new Option<string?>("--cache")
        {
            Description = "Embedding cache file (default: .cache/embeddings.bin in the checkout; 'none' to embed everything afresh).",
        };
        var quiet = CommonOptions.Quiet();
        var gazetteer = CommonOptions.GazetteerPath();
        var command = new Command("train", "Train the event classifier's two models (word n-grams; word n-grams + MiniLM embeddings; L-BFGS maximum entropy) and report their figures.")
        {
            data, output, folds, l2, validation, compare, tune, report, cache, quiet, gazetteer,
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
                validationFile == "none" || !File.Exists(validationFile) ? null : validationFile, parse.GetValue(compare), parse.GetValue(tune), parse.GetValue(report),
                cacheFile == "none" ? null : cacheFile, parse.GetValue(quiet), CommonOptions.ResolveGazetteer(parse.GetValue(gazetteer)));
        });
        return command;
    }

    private static int Run(string[] files, string modelPath, int folds, float l2, string? validationFile, bool compare, bool tune, string? reportPath,
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
        var gold = examples.Select(e => e.Label).ToList();
        (string Label, float Confidence)[]? cascade = null;
        if (folds >= 2)
        {
            stopwatch.Restart();
            var words = ClassificationReport.CrossValidate(examples, null, ClassifierFeatures.Words, folds, l2);
            var full = ClassificationReport.CrossValidate(examples, embeddings, ClassifierFeatures.WordsAndEmbedding, folds, l2);
            figures["cross-validation (words)"] = ClassificationReport.Of(gold, words.Select(p => p.Label).ToList());
            figures["cross-validation (words + embedding)"] = ClassificationReport.Of(gold, full.Select(p => p.Label).ToList());
            figures["cross-validation (cascade)"] = ClassificationReport.Of(gold, Cascade(words, full, EventClassifier.DefaultEmbedBelow));
            Say(quiet, $"{folds}-fold cross-validation of both models in {stopwatch.Elapsed.TotalSeconds:F1} s");
            PrintCascade(gold, words, full);
            cascade = words.Select((w, i) => w.Confidence < EventClassifier.DefaultEmbedBelow ? full[i] : w).ToArray();
        }
        var resources = compare || tune ? ExtractionResources.Load(CommonOptions.LoadGazetteer(gazetteerPath)) : null;
        if (resources is not null && cascade is not null)
        {
            CombineOutOfFold(resources, examples, cascade, tune, figures, quiet);
        }
        stopwatch.Restart();
        var wordsModel = EventClassifierModel.Fit(ml, examples, null, ClassifierFeatures.Words, l2);
        var fullModel = EventClassifierModel.Fit(ml, examples, embeddings, ClassifierFeatures.WordsAndEmbedding, l2);
        var wordsPath = EventClassifier.WordsModelPath(modelPath);
        EventClassifierModel.Save(ml, fullModel, modelPath);
        EventClassifierModel.Save(ml, wordsModel, wordsPath);
        Say(quiet, $"trained both models on {examples.Count} passages ({files.Length} files) in {stopwatch.Elapsed.TotalSeconds:F1} s; written to {modelPath} and {wordsPath}");
        if (held.Count > 0)
        {
            var heldTexts = held.Select(e => e.Text).ToList();
            var heldEmbeddings = Embed(encoder, cache, heldTexts, "validation", quiet);
            var heldGold = held.Select(e => e.Label).ToList();
            var words = EventClassifierModel.Predict(ml, wordsModel, heldTexts, null);
            var full = EventClassifierModel.Predict(ml, fullModel, heldTexts, heldEmbeddings);
            figures["validation (words)"] = ClassificationReport.Of(heldGold, words.Select(p => p.Label).ToList());
            figures["validation (words + embedding)"] = ClassificationReport.Of(heldGold, full.Select(p => p.Label).ToList());
            figures["validation (cascade)"] = ClassificationReport.Of(heldGold, Cascade(words, full, EventClassifier.DefaultEmbedBelow));
            if (resources is not null)
            {
                using var learned = EventClassifier.FromModels(wordsModel, fullModel, encoder);
                figures["validation (rules)"] = ClassificationReport.Of(heldGold, PipelineLabels(SitrepPipeline.Create(resources), held).Select(r => r.Label).ToList());
                figures["validation (rules + cascade)"] = ClassificationReport.Of(heldGold, PipelineLabels(SitrepPipeline.Create(resources, learned), held).Select(r => r.Label).ToList());
            }
        }
        Print(figures);
        if (reportPath is not null)
        {
            File.WriteAllText(reportPath, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
        }
        return 0;
    }

    private static List<string> Cascade(IReadOnlyList<(string Label, float Confidence)> words, IReadOnlyList<(string Label, float Confidence)> full,
        float embedBelow) =>
        words.Select((w, i) => w.Confidence < embedBelow ? full[i].Label : w.Label).ToList();

    /// <summary>What each cut-off costs (share of passages embedded) and gives (accuracy), on out-of-fold predictions.</summary>
    private static void PrintCascade(List<string> gold, IReadOnlyList<(string Label, float Confidence)> words,
        IReadOnlyList<(string Label, float Confidence)> full)
    {
        var table = new Table().AddColumns("embed below", "share embedded", "cv accuracy", "cv weighted F1");
        foreach (var cut in new[] { 0f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.01f })
        {
            var r = ClassificationReport.Of(gold, Cascade(words, full, cut));
            table.AddRow(F(cut), F(words.Count(w => w.Confidence < cut) / (double)words.Count), F(r.Accuracy), F(r.WeightedF1));
        }
        AnsiConsole.Write(table);
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

    /// <summary>
    /// Rules + classifier on the training passages, each read with its out-of-fold prediction, so
    /// the combination is measured (and tuned) on labels no model saw during training.
    /// </summary>
    private static void CombineOutOfFold(ExtractionResources resources, List<TrainingExample> examples, (string Label, float Confidence)[] cascade,
        bool tune, Dictionary<string, ClassificationReport> figures, bool quiet)
    {
        var gold = examples.Select(e => e.Label).ToList();
        var outOfFold = new OutOfFoldClassifier(cascade);
        figures["cross-validation (rules)"] = ClassificationReport.Of(gold, PipelineLabels(SitrepPipeline.Create(resources), examples).Select(r => r.Label).ToList());
        var policy = CombinationPolicy.Default;
        var readings = PipelineLabels(SitrepPipeline.Create(resources, outOfFold, policy), examples, outOfFold);
        PrintMisses(gold, readings, cascade);
        double best = ClassificationReport.Of(gold, readings.Select(r => r.Label).ToList()).WeightedF1;
        if (tune)
        {
            // Coordinate ascent, two rounds: each threshold in turn, the others held.
            for (int round = 0; round < 2; round++)
            {
                foreach (var candidate in Neighbours(policy))
                {
                    double f1 = ClassificationReport.Of(gold,
                        PipelineLabels(SitrepPipeline.Create(resources, outOfFold, candidate), examples, outOfFold).Select(r => r.Label).ToList()).WeightedF1;
                    if (f1 > best + 1e-4)
                    {
                        (best, policy) = (f1, candidate);
                        Say(quiet, $"tune: {policy} → cv weighted F1 {best:F3}");
                    }
                }
            }
            Say(quiet, $"tune: best {policy}");
        }
        figures["cross-validation (rules + cascade)"] = ClassificationReport.Of(gold,
            PipelineLabels(SitrepPipeline.Create(resources, outOfFold, policy), examples, outOfFold).Select(r => r.Label).ToList());
    }

    private static IEnumerable<CombinationPolicy> Neighbours(CombinationPolicy p)
    {
        foreach (var w in new[] { 4, 5, 6, 7, 8, 10 })
        {
            yield return p with { WeakWeight = w };
        }
        float[] levels = [0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 0.95f, 1.01f];
        foreach (var c in levels)
        {
            yield return p with { OverrideConfidence = c };
        }
        foreach (var c in levels)
        {
            yield return p with { NewEventConfidence = c };
        }
        foreach (var c in levels)
        {
            yield return p with { NoneConfidence = c };
        }
    }

    /// <summary>Where the combination's label differs from the gold, by what the classifier said and who decided.</summary>
    private static void PrintMisses(List<string> gold, List<Reading> readings, (string Label, float Confidence)[] cascade)
    {
        var table = new Table().AddColumns("gold", "pipeline", "classifier", "decided by", "n");
        foreach (var group in Enumerable.Range(0, gold.Count).Where(i => readings[i].Label != gold[i])
                     .GroupBy(i => (Gold: gold[i] == "none" ? "none" : "event", Pipeline: readings[i].Label == "none" ? "none" : gold[i] == "none" ? "event" : "other type",
                         Classifier: cascade[i].Label == gold[i] ? "right" : "wrong", By: readings[i].DecidedBy))
                     .OrderByDescending(g => g.Count()))
        {
            table.AddRow(group.Key.Gold, group.Key.Pipeline, group.Key.Classifier, group.Key.By, group.Count().ToString(CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
    }

    private sealed record Reading(string Label, string DecidedBy);

    /// <summary>What a whole pipeline makes of each passage: the sub-type of its first current event, else "none".</summary>
    private static List<Reading> PipelineLabels(Pipeline pipeline, List<TrainingExample> passages, OutOfFoldClassifier? outOfFold = null)
    {
        var factory = new DocumentFactory(TextCleaner.FromData(), new DateOnly(2024, 6, 15));
        return passages.Select((p, i) =>
        {
            outOfFold?.Row = i;
            var document = pipeline.Run(factory.Create(new RawReport($"v{i}", "training.tsv", p.Text)));
            var first = document.Events.FirstOrDefault(e => e.Timeframe == "current" && e.Certainty != "denied");
            return first is null
                ? new Reading("none", document.EventClasses.Count == 0 ? "not a candidate" : document.Events.Count > 0 ? "not current" : "no event")
                : new Reading(first.SubEventType, first.DecidedBy);
        }).ToList();
    }

    /// <summary>Answers every sentence of the passage being read with that passage's out-of-fold prediction.</summary>
    private sealed class OutOfFoldClassifier((string Label, float Confidence)[] predictions) : IEventClassifier
    {
        public int Row { get; set; }

        public IReadOnlyList<(string Label, float Confidence)> Classify(IReadOnlyList<string> passages) =>
            passages.Select(_ => predictions[Row]).ToList();
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
