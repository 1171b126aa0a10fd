namespace Sitrep.Core.Data;

/// <summary>One data row with its line number, so a bad entry is reported where it is.</summary>
public sealed class TsvRow
{
    private readonly Dictionary<string, string> _cells;

    public TsvRow(string path, int line, Dictionary<string, string> cells)
    {
        Path = path;
        Line = line;
        _cells = cells;
    }

    public string Path { get; }

    public int Line { get; }

    public string this[string column] => _cells[column];

    public string? Optional(string column) =>
        _cells.TryGetValue(column, out var v) && v.Length > 0 ? v : null;

    public IReadOnlyList<string> List(string column) =>
        _cells.TryGetValue(column, out var v) && v.Length > 0
            ? v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    public FormatException Error(string message) => new($"{Path}:{Line}: {message}");
}

/// <summary>
/// Reader for the tab-separated dictionaries under data/: a header row, '#' comments,
/// lists inside a cell separated by ';'.
/// </summary>
public static class Tsv
{
    public static IEnumerable<TsvRow> Read(string path, params string[] requiredColumns)
    {
        string[]? header = null;
        int lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            if (raw.Length == 0 || raw.StartsWith('#') || raw.Trim().Length == 0)
            {
                continue;
            }
            var cells = raw.Split('\t');
            if (header is null)
            {
                header = cells.Select(c => c.Trim()).ToArray();
                var missing = requiredColumns.Where(c => !header.Contains(c)).ToList();
                if (missing.Count > 0)
                {
                    throw new FormatException($"{path}:{lineNumber}: header lacks column(s) {string.Join(", ", missing)}");
                }
                continue;
            }
            if (cells.Length > header.Length)
            {
                throw new FormatException($"{path}:{lineNumber}: {cells.Length} cells, header has {header.Length}");
            }
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < cells.Length ? cells[i].Trim() : "";
            }
            var empty = requiredColumns.FirstOrDefault(c => row[c].Length == 0);
            if (empty is not null)
            {
                throw new FormatException($"{path}:{lineNumber}: column '{empty}' is empty");
            }
            yield return new TsvRow(path, lineNumber, row);
        }
    }
}

/// <summary>Where the data/ dictionaries are: beside the binaries, or SITREP_DATA.</summary>
public static class DataDirectory
{
    public static string Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("SITREP_DATA");
            if (!string.IsNullOrEmpty(env))
            {
                return env;
            }
            return Path.Combine(AppContext.BaseDirectory, "data");
        }
    }

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// The checkout's own data/ (the folder beside Sitrep.sln above the binaries), for what is kept
    /// out of the binaries' copy (training text) or written back to the source (a trained model);
    /// <see cref="Root"/> when not run from a checkout.
    /// </summary>
    public static string InRepository(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Sitrep.sln")))
            {
                return Path.Combine([dir.FullName, "data", .. parts]);
            }
        }
        return File(parts);
    }
}
