using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Sitrep.Semantic;

/// <summary>What a model reads: the passage's words alone (fast), or its words and its MiniLM embedding.</summary>
public enum ClassifierFeatures
{
    Words,
    WordsAndEmbedding,
}

/// <summary>
/// The event classifier's learned part: L-BFGS maximum entropy (ML.NET) over the passage's word
/// unigrams, bigrams and character trigrams, optionally joined with its MiniLM embedding, trained
/// with a fixed seed so the same data gives the same model.
/// </summary>
public static class EventClassifierModel
{
    /// <summary>Chosen by 5-fold cross-validation on the training files (see README); never on the held-out file.</summary>
    public const float DefaultL2 = 0.1f;

    public const int Seed = 20241129;

    public sealed class Passage
    {
        public string Text { get; set; } = "";

        public string Label { get; set; } = "";

        [VectorType(PassageEncoder.Dimensions)]
        public float[] Embedding { get; set; } = [];
    }

    public sealed class Prediction
    {
        public string PredictedLabel { get; set; } = "";

        public float[] Score { get; set; } = [];
    }

    private static readonly float[] NoEmbedding = new float[PassageEncoder.Dimensions];

    public static ITransformer Fit(MLContext ml, IReadOnlyList<TrainingExample> examples, float[][]? embeddings,
        ClassifierFeatures features, float l2 = DefaultL2)
    {
        var data = ml.Data.LoadFromEnumerable(Passages(examples, embeddings));
        // Character trigrams carry inflections and spellings the word n-grams have not seen.
        var words = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
        };
        string[] columns = features == ClassifierFeatures.Words ? ["Words"] : ["Words", nameof(Passage.Embedding)];
        var pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(Passage.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Words", words, nameof(Passage.Text)))
            .Append(ml.Transforms.Concatenate("Features", columns))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                FeatureColumnName = "Features",
                L2Regularization = l2,
                L1Regularization = 0,
                NumberOfThreads = 1,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(Prediction.PredictedLabel), "PredictedLabel"));
        return pipeline.Fit(data);
    }

    public static List<(string Label, float Confidence)> Predict(MLContext ml, ITransformer model, IReadOnlyList<string> texts, float[][]? embeddings)
    {
        var examples = texts.Select(t => new TrainingExample(t, "", "", "")).ToList();
        var scored = model.Transform(ml.Data.LoadFromEnumerable(Passages(examples, embeddings)));
        return ml.Data.CreateEnumerable<Prediction>(scored, reuseRowObject: false)
            .Select(p => (p.PredictedLabel, p.Score.Length == 0 ? 0f : p.Score.Max()))
            .ToList();
    }

    public static void Save(MLContext ml, ITransformer model, string path)
    {
        var schema = SchemaDefinition.Create(typeof(Passage));
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }
        ml.Model.Save(model, ml.Data.LoadFromEnumerable(Array.Empty<Passage>(), schema).Schema, path);
    }

    /// <summary>A words-only model ignores the embedding column; it is filled with zeros so both kinds share one schema.</summary>
    private static IEnumerable<Passage> Passages(IReadOnlyList<TrainingExample> examples, float[][]? embeddings) =>
        examples.Select((e, i) => new Passage { Text = e.Text, Label = e.Label, Embedding = embeddings?[i] ?? NoEmbedding });
}
