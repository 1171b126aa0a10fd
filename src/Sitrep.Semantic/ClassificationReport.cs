using Microsoft.ML;

namespace Sitrep.Semantic;

public sealed record LabelScore(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>Accuracy, macro-F1 and support-weighted F1 over the 26 labels, and the figures per label.</summary>
public sealed record ClassificationReport(int Count, double Accuracy, double MacroF1, double WeightedF1, IReadOnlyList<LabelScore> Labels)
{
    public static ClassificationReport Of(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException("gold and predicted labels differ in number");
        }
        var labels = new List<LabelScore>();
        foreach (var label in TrainingSet.Labels)
        {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < gold.Count; i++)
            {
                bool g = gold[i] == label, p = predicted[i] == label;
                tp += g && p ? 1 : 0;
                fp += !g && p ? 1 : 0;
                fn += g && !p ? 1 : 0;
            }
            if (tp + fn == 0)
            {
                continue;
            }
            double precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp), recall = tp / (double)(tp + fn);
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            labels.Add(new LabelScore(label, tp + fn, precision, recall, f1));
        }
        int correct = gold.Zip(predicted).Count(p => p.First == p.Second);
        return new ClassificationReport(gold.Count, gold.Count == 0 ? 0 : correct / (double)gold.Count,
            labels.Count == 0 ? 0 : labels.Average(l => l.F1),
            gold.Count == 0 ? 0 : labels.Sum(l => l.F1 * l.Support) / gold.Count, labels);
    }

    /// <summary>
    /// Out-of-fold predictions by K-fold cross-validation: folds are dealt round-robin within each
    /// label (stratified, no randomness), each fold scored by a model trained on the others.
    /// </summary>
    public static (string Label, float Confidence)[] CrossValidate(IReadOnlyList<TrainingExample> examples, float[][]? embeddings,
        ClassifierFeatures features, int folds, float l2)
    {
        var fold = new int[examples.Count];
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Label))
        {
            int k = 0;
            foreach (var i in group)
            {
                fold[i] = k++ % folds;
            }
        }
        var predicted = new (string, float)[examples.Count];
        var ml = new MLContext(EventClassifierModel.Seed);
        for (int f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, examples.Count).Where(i => fold[i] != f).ToList();
            var test = Enumerable.Range(0, examples.Count).Where(i => fold[i] == f).ToList();
            var model = EventClassifierModel.Fit(ml, train.Select(i => examples[i]).ToList(), embeddings is null ? null : train.Select(i => embeddings[i]).ToArray(),
                features, l2);
            var labels = EventClassifierModel.Predict(ml, model, test.Select(i => examples[i].Text).ToList(),
                embeddings is null ? null : test.Select(i => embeddings[i]).ToArray());
            for (int j = 0; j < test.Count; j++)
            {
                predicted[test[j]] = labels[j];
            }
        }
        return predicted;
    }
}
