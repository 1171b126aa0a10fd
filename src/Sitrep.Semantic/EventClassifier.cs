using Microsoft.ML;
using Sitrep.Extraction.Events;

namespace Sitrep.Semantic;

/// <summary>
/// The trained event classifier as the pipeline sees it: a cascade of two models. The words model
/// (n-grams, no encoder) reads every passage; only those it is unsure of are embedded with MiniLM
/// and read again by the full model, because embedding is most of the cost.
/// </summary>
public sealed class EventClassifier : IEventClassifier, IDisposable
{
    /// <summary>
    /// Words-model confidence below which a passage is embedded; chosen on cross-validation of the
    /// training files (`sitrep train` prints the trade-off), never on the held-out file.
    /// </summary>
    public const float DefaultEmbedBelow = 0.6f;

    private readonly MLContext _ml = new(EventClassifierModel.Seed);
    private readonly ITransformer _words;
    private readonly ITransformer? _full;
    private readonly Lazy<PassageEncoder>? _encoder;
    private readonly bool _ownsEncoder;
    private readonly float _embedBelow;

    private EventClassifier(ITransformer words, ITransformer? full, Lazy<PassageEncoder>? encoder, bool ownsEncoder, float embedBelow)
    {
        _words = words;
        _full = full;
        _encoder = encoder;
        _ownsEncoder = ownsEncoder;
        _embedBelow = embedBelow;
    }

    /// <summary>The shipped full model, data/models/event-classifier.zip, rebuilt by scripts/train-classifier.</summary>
    public static string DefaultModelPath() => Sitrep.Core.Data.DataDirectory.File("models", "event-classifier.zip");

    /// <summary>The words model written beside a full model: event-classifier.zip → event-classifier-words.zip.</summary>
    public static string WordsModelPath(string fullModelPath) =>
        Path.Combine(Path.GetDirectoryName(fullModelPath) ?? "", Path.GetFileNameWithoutExtension(fullModelPath) + "-words" + Path.GetExtension(fullModelPath));

    /// <summary>
    /// Loads the words model and, unless <paramref name="embedBelow"/> is 0, the full model; the
    /// encoder starts only when a passage first needs it.
    /// </summary>
    public static EventClassifier Load(string modelPath, PassageEncoder? encoder = null, float embedBelow = DefaultEmbedBelow)
    {
        var wordsPath = WordsModelPath(modelPath);
        foreach (var path in embedBelow > 0 ? [wordsPath, modelPath] : new[] { wordsPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"no event classifier model at {path} (build it with scripts/train-classifier)", path);
            }
        }
        var ml = new MLContext(EventClassifierModel.Seed);
        var words = ml.Model.Load(wordsPath, out _);
        var full = embedBelow > 0 ? ml.Model.Load(modelPath, out _) : null;
        return new EventClassifier(words, full, full is null ? null : new Lazy<PassageEncoder>(() => encoder ?? new PassageEncoder()),
            encoder is null, embedBelow);
    }

    public static EventClassifier FromModels(ITransformer words, ITransformer? full, PassageEncoder? encoder, float embedBelow = DefaultEmbedBelow) =>
        new(words, full, full is null || encoder is null ? null : new Lazy<PassageEncoder>(() => encoder), ownsEncoder: false, full is null ? 0 : embedBelow);

    public IReadOnlyList<(string Label, float Confidence)> Classify(IReadOnlyList<string> passages)
    {
        if (passages.Count == 0)
        {
            return [];
        }
        var result = EventClassifierModel.Predict(_ml, _words, passages, null);
        if (_full is null || _encoder is null)
        {
            return result;
        }
        var unsure = Enumerable.Range(0, result.Count).Where(i => result[i].Confidence < _embedBelow).ToList();
        if (unsure.Count == 0)
        {
            return result;
        }
        var texts = unsure.Select(i => passages[i]).ToList();
        var second = EventClassifierModel.Predict(_ml, _full, texts, _encoder.Value.Encode(texts));
        for (int j = 0; j < unsure.Count; j++)
        {
            result[unsure[j]] = second[j];
        }
        return result;
    }

    public void Dispose()
    {
        if (_ownsEncoder && _encoder is { IsValueCreated: true })
        {
            _encoder.Value.Dispose();
        }
    }
}
