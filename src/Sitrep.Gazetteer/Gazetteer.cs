using System.IO.Compression;
using System.Text;

namespace Sitrep.Gazetteer;

/// <summary>One place the gazetteer knows.</summary>
public sealed record GazetteerEntry(
    int Index,
    long? GeonamesId,
    string Name,
    string Kind,
    string? Country,
    string? Admin1,
    double Lat,
    double Lon,
    long Population,
    string FeatureCode);

/// <summary>
/// An in-process place index: every entry under its exact key and its transliteration skeleton.
/// Built once by <see cref="GazetteerBuilder"/> and saved to a compact binary file.
/// </summary>
public sealed class Gazetteer
{
    private const int FormatVersion = 5;
    private static readonly byte[] Magic = "SRGZ"u8.ToArray();

    private readonly List<GazetteerEntry> _entries;
    private readonly Dictionary<string, int[]> _exact;
    private readonly Dictionary<string, int[]> _skeleton;

    private Gazetteer(List<GazetteerEntry> entries, Dictionary<string, int[]> exact, Dictionary<string, int[]> skeleton)
    {
        _entries = entries;
        _exact = exact;
        _skeleton = skeleton;
        foreach (var key in exact.Keys)
        {
            int space = key.IndexOf(' ');
            var first = space < 0 ? key : key[..space];
            int words = key.Count(c => c == ' ') + 1;
            _firstWords[first] = Math.Max(words, _firstWords.GetValueOrDefault(first));
        }
        MaxWords = _firstWords.Values.DefaultIfEmpty(1).Max();
    }

    private readonly Dictionary<string, int> _firstWords = new(StringComparer.Ordinal);

    /// <summary>How many words the longest name beginning with this (folded) word has; 0 when none does.</summary>
    public int LongestStartingWith(string firstWordKey) => _firstWords.GetValueOrDefault(firstWordKey);

    public int Count => _entries.Count;

    public int NameCount => _exact.Count;

    /// <summary>Longest indexed name in words: the recogniser never looks further.</summary>
    public int MaxWords { get; }

    public GazetteerEntry this[int index] => _entries[index];

    public IReadOnlyList<GazetteerEntry> Entries => _entries;

    public IReadOnlyList<GazetteerEntry> LookupExact(string exactKey) =>
        _exact.TryGetValue(exactKey, out var ids) ? ids.Select(i => _entries[i]).ToList() : [];

    /// <summary>Every (entry, name key) pair, so an index can be extended and rebuilt.</summary>
    public IEnumerable<(int Entry, string Key)> ExactKeys() => _exact.SelectMany(kv => kv.Value.Select(id => (id, kv.Key)));

    public IReadOnlyList<GazetteerEntry> LookupSkeleton(string skeleton) =>
        _skeleton.TryGetValue(skeleton, out var ids) ? ids.Select(i => _entries[i]).ToList() : [];

    /// <summary>Candidates for a name as written: exact matches, else transliteration matches.</summary>
    public (IReadOnlyList<GazetteerEntry> Candidates, bool Exact) Lookup(string name)
    {
        var key = PlaceNameKey.Exact(name);
        var exact = LookupExact(key);
        if (exact.Count > 0)
        {
            return (exact, true);
        }
        var skeleton = PlaceNameKey.Skeleton(key);
        return skeleton.Length >= 3 ? (LookupSkeleton(skeleton), false) : ([], false);
    }

    public static Gazetteer Build(List<GazetteerEntry> entries, IEnumerable<(int Entry, string Name)> names)
    {
        var exact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var skeleton = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (entry, name) in names)
        {
            var key = PlaceNameKey.Exact(name);
            if (key.Length < 2)
            {
                continue;
            }
            Add(exact, key, entry);
            var sk = PlaceNameKey.Skeleton(key);
            if (sk.Length >= 3)
            {
                Add(skeleton, sk, entry);
            }
        }
        return new Gazetteer(entries, Freeze(exact), Freeze(skeleton));
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int entry)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<int>(1);
        }
        if (list.Count == 0 || list[^1] != entry)
        {
            list.Add(entry);
        }
    }

    private static Dictionary<string, int[]> Freeze(Dictionary<string, List<int>> index)
    {
        var frozen = new Dictionary<string, int[]>(index.Count, StringComparer.Ordinal);
        foreach (var (k, v) in index)
        {
            frozen[k] = v.Distinct().ToArray();
        }
        return frozen;
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        using (var w = new BinaryWriter(file, Encoding.UTF8))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            // Three compressed sections, so loading can decompress and parse them side by side.
            WriteSection(w, s =>
            {
                s.Write(_entries.Count);
                foreach (var e in _entries)
                {
                    s.Write(e.GeonamesId ?? -1);
                    s.Write(e.Name);
                    s.Write(e.Kind);
                    s.Write(e.Country ?? "");
                    s.Write(e.Admin1 ?? "");
                    s.Write(e.Lat);
                    s.Write(e.Lon);
                    s.Write(e.Population);
                    s.Write(e.FeatureCode);
                }
            });
            WriteSection(w, s => WriteIndex(s, _exact));
            WriteSection(w, s => WriteIndex(s, _skeleton));
        }
        File.Move(temp, path, overwrite: true);
    }

    public static Gazetteer Load(string path)
    {
        byte[][] sections;
        using (var file = File.OpenRead(path))
        using (var r = new BinaryReader(file, Encoding.UTF8))
        {
            if (!r.ReadBytes(4).AsSpan().SequenceEqual(Magic) || r.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException($"{path} is not a Sitrep gazetteer index of version {FormatVersion}; rebuild it with 'sitrep gazetteer build'.");
            }
            sections = [r.ReadBytes(r.ReadInt32()), r.ReadBytes(r.ReadInt32()), r.ReadBytes(r.ReadInt32())];
        }
        List<GazetteerEntry>? entries = null;
        Dictionary<string, int[]>? exact = null, skeleton = null;
        Parallel.Invoke(
            () => entries = ReadSection(sections[0], ReadEntries),
            () => exact = ReadSection(sections[1], ReadIndex),
            () => skeleton = ReadSection(sections[2], ReadIndex));
        return new Gazetteer(entries!, exact!, skeleton!);
    }

    private static void WriteSection(BinaryWriter output, Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(new BufferedStream(zip, 1 << 16), Encoding.UTF8))
        {
            write(w);
        }
        output.Write((int)buffer.Length);
        output.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static T ReadSection<T>(byte[] bytes, Func<BinaryReader, T> read)
    {
        using var zip = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var r = new BinaryReader(new BufferedStream(zip, 1 << 16), Encoding.UTF8);
        return read(r);
    }

    private static List<GazetteerEntry> ReadEntries(BinaryReader r)
    {
        int count = r.ReadInt32();
        var entries = new List<GazetteerEntry>(count);
        for (int i = 0; i < count; i++)
        {
            long id = r.ReadInt64();
            var name = r.ReadString();
            var kind = string.Intern(r.ReadString());
            var country = string.Intern(r.ReadString());
            var admin1 = r.ReadString();
            double lat = r.ReadDouble();
            double lon = r.ReadDouble();
            long population = r.ReadInt64();
            var code = string.Intern(r.ReadString());
            entries.Add(new GazetteerEntry(i, id < 0 ? null : id, name, kind, country.Length == 0 ? null : country,
                admin1.Length == 0 ? null : admin1, lat, lon, population, code));
        }
        return entries;
    }

    private static void WriteIndex(BinaryWriter w, Dictionary<string, int[]> index)
    {
        w.Write(index.Count);
        foreach (var (key, ids) in index)
        {
            w.Write(key);
            w.Write7BitEncodedInt(ids.Length);
            foreach (var id in ids)
            {
                w.Write7BitEncodedInt(id);
            }
        }
    }

    private static Dictionary<string, int[]> ReadIndex(BinaryReader r)
    {
        int count = r.ReadInt32();
        var index = new Dictionary<string, int[]>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var key = r.ReadString();
            var ids = new int[r.Read7BitEncodedInt()];
            for (int j = 0; j < ids.Length; j++)
            {
                ids[j] = r.Read7BitEncodedInt();
            }
            index[key] = ids;
        }
        return index;
    }
}
