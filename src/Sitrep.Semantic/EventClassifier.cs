using Microsoft.ML;
using Sitrep.Extraction.Events;

namespace Sitrep.Semantic;

/// <summary>The trained event classifier as the pipeline sees it: a model file plus the sentence encoder.</summary>
public sealed class EventClassifier : IEventClassifier, IDisposable
{
    private readonly MLContext _ml = new(EventClassifierModel.Seed);
    private readonly ITransformer _model;
    private readonly PassageEncoder _encoder;
    private readonly bool _ownsEncoder;

    private EventClassifier(ITransformer model, PassageEncoder encoder, bool ownsEncoder)
    {
        _model = model;
        _encoder = encoder;
        _ownsEncoder = ownsEncoder;
    }

    /// <summary>The shipped model, data/models/event-classifier.zip, rebuilt by scripts/train-classifier.</summary>
    public static string DefaultModelPath() => Sitrep.Core.Data.DataDirectory.File("models", "event-classifier.zip");

    public static EventClassifier Load(string modelPath, PassageEncoder? encoder = null)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"no event classifier model at {modelPath} (build it with scripts/train-classifier)", modelPath);
        }
        var ml = new MLContext(EventClassifierModel.Seed);
        var model = ml.Model.Load(modelPath, out _);
        return new EventClassifier(model, encoder ?? new PassageEncoder(), encoder is null);
    }

    public static EventClassifier FromModel(ITransformer model, PassageEncoder encoder) => new(model, encoder, ownsEncoder: false);

    public IReadOnlyList<(string Label, float Confidence)> Classify(IReadOnlyList<string> passages)
    {
        if (passages.Count == 0)
        {
            return [];
        }
        return EventClassifierModel.Predict(_ml, _model, passages, _encoder.Encode(passages));
    }

    public void Dispose()
    {
        if (_ownsEncoder)
        {
            _encoder.Dispose();
        }
    }
}
