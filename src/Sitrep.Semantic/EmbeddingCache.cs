using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Semantic;

/// <summary>
/// Embeddings already computed, keyed by a hash of the passage, in one append-only file: retraining
/// after editing a few rows embeds only those. Deleting the file loses nothing but time.
/// </summary>
public sealed class EmbeddingCache
{
    private const int KeyBytes = 16;
    private readonly string _path;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    /// <summary>.cache/embeddings.bin in the checkout, beside the gazetteer index and the lexicon.</summary>
    public static string DefaultPath() => Path.Combine(Sitrep.Core.Data.DataDirectory.InRepository(), "..", ".cache", "embeddings.bin");

    public EmbeddingCache(string path)
    {
        _path = path;
        if (!File.Exists(path))
        {
            return;
        }
        using var reader = new BinaryReader(File.OpenRead(path));
        long record = KeyBytes + PassageEncoder.Dimensions * sizeof(float);
        // A record cut short by an interrupted run is ignored, not misread.
        while (reader.BaseStream.Length - reader.BaseStream.Position >= record)
        {
            var key = Convert.ToHexString(reader.ReadBytes(KeyBytes));
            var vector = new float[PassageEncoder.Dimensions];
            for (int i = 0; i < vector.Length; i++)
            {
                vector[i] = reader.ReadSingle();
            }
            _vectors[key] = vector;
        }
    }

    public float[][] Encode(PassageEncoder encoder, IReadOnlyList<string> passages, IProgress<int>? progress = null)
    {
        var keys = passages.Select(Key).ToArray();
        var missing = Enumerable.Range(0, passages.Count).Where(i => !_vectors.ContainsKey(keys[i])).Select(i => keys[i]).Distinct().ToList();
        if (missing.Count > 0)
        {
            var text = passages.Select((p, i) => (p, keys[i])).DistinctBy(x => x.Item2).ToDictionary(x => x.Item2, x => x.p);
            var vectors = encoder.Encode(missing.Select(k => text[k]).ToList(), progress);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
            using var writer = new BinaryWriter(new FileStream(_path, FileMode.Append));
            for (int i = 0; i < missing.Count; i++)
            {
                _vectors[missing[i]] = vectors[i];
                writer.Write(Convert.FromHexString(missing[i]));
                foreach (var x in vectors[i])
                {
                    writer.Write(x);
                }
            }
        }
        return keys.Select(k => _vectors[k]).ToArray();
    }

    private static string Key(string passage) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(passage)).AsSpan(0, KeyBytes));
}
