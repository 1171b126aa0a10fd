using System.Text;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Turns command-line inputs (files, directories, "-" for standard input) into reports and
/// one-line failures, choosing a reader by extension or, failing that, by content. Bad input
/// never throws: it becomes a failure naming the input, and reading goes on.
/// </summary>
public sealed class ReportSource(long maxReportBytes = ReportSource.DefaultMaxReportBytes, long maxRecordBytes = ReportSource.DefaultMaxRecordBytes)
{
    public const long DefaultMaxReportBytes = 20L * 1024 * 1024;

    /// <summary>A JSONL line is one report of a batch; one far longer than any article is a mistake, not news.</summary>
    public const long DefaultMaxRecordBytes = 5L * 1024 * 1024;

    public const string StdinName = "<stdin>";

    private const int SniffLength = 4096;

    private static readonly Dictionary<string, Format> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = Format.Text,
        [".text"] = Format.Text,
        [".md"] = Format.Text,
        [".html"] = Format.Html,
        [".htm"] = Format.Html,
        [".xhtml"] = Format.Html,
        [".pdf"] = Format.Pdf,
        [".jsonl"] = Format.Jsonl,
        [".ndjson"] = Format.Jsonl,
        [".xml"] = Format.Feed,
        [".rss"] = Format.Feed,
        [".atom"] = Format.Feed,
    };

    private enum Format
    {
        Text,
        Html,
        Pdf,
        Jsonl,
        Feed,
    }

    // A JSONL line is one report: never more than a report file, and within the per-record limit.
    private long MaxLineBytes => Math.Min(maxReportBytes, maxRecordBytes);

    public IEnumerable<ReadOutcome> Read(IReadOnlyList<string> inputs, TextReader? stdin = null)
    {
        foreach (var input in inputs)
        {
            IEnumerable<ReadOutcome> outcomes;
            if (input == "-")
            {
                outcomes = Guard(ReadStdin(stdin ?? Console.In), StdinName);
            }
            else if (Directory.Exists(input))
            {
                outcomes = ReadDirectory(input);
            }
            else if (File.Exists(input))
            {
                outcomes = Guard(ReadFile(input), input);
            }
            else
            {
                outcomes = [new ReadFailure(input, null, "no such file or directory")];
            }
            foreach (var outcome in outcomes)
            {
                yield return outcome;
            }
        }
    }

    /// <summary>Told, one line naming the link, when the directory walk skips a link to a directory or file it already read.</summary>
    public Action<string>? Skipped { get; init; }

    private IEnumerable<ReadOutcome> ReadDirectory(string directory)
    {
        var walk = new DirectoryWalk(Skipped);
        try
        {
            walk.Walk(directory, RealPath(directory));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [Failure(directory, ex)];
        }
        return walk.Failures.Concat(walk.Files.Order(StringComparer.Ordinal).SelectMany(path => Guard(ReadFile(path), path)));
    }

    /// <summary>
    /// Each real directory walked once and each real file read once, whatever links lead to them:
    /// a link back to a directory above would otherwise be followed until the OS gives up (40 levels)
    /// or, with two such links, for ever. Links are followed after the tree without them, so a file
    /// is named by its own path when the tree holds it and by a link only when it lies outside.
    /// </summary>
    private sealed class DirectoryWalk(Action<string>? skipped)
    {
        // Hidden entries (.git, editor backups) are not reports.
        private static readonly EnumerationOptions Options = new() { AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };

        private readonly Dictionary<string, string> _directories = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
        private readonly Queue<string> _links = new();

        public List<string> Files { get; } = [];

        public List<ReadOutcome> Failures { get; } = [];

        public void Walk(string path, string real)
        {
            WalkDirectory(path, real);
            while (_links.TryDequeue(out var link))
            {
                Follow(link);
            }
        }

        private void WalkDirectory(string path, string real)
        {
            _directories[real] = path;
            foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos("*", Options).OrderBy(e => e.Name, StringComparer.Ordinal).ToList())
            {
                if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint) && entry.LinkTarget is not null)
                {
                    _links.Enqueue(entry.FullName);
                }
                else if (entry is DirectoryInfo)
                {
                    WalkDirectory(entry.FullName, Path.Combine(real, entry.Name));
                }
                else
                {
                    AddFile(entry.FullName, Path.Combine(real, entry.Name));
                }
            }
        }

        private void Follow(string link)
        {
            string target;
            try
            {
                target = RealPath(link);
            }
            catch (IOException ex)
            {
                skipped?.Invoke($"{link}: skipped symbolic link: {ex.Message}");
                return;
            }
            if (Directory.Exists(target))
            {
                if (_directories.TryGetValue(target, out var first))
                {
                    skipped?.Invoke($"{link}: skipped, the same directory as {first} (read once)");
                    return;
                }
                WalkDirectory(link, target);
            }
            else if (!File.Exists(target))
            {
                if (IsReport(link))
                {
                    Failures.Add(new ReadFailure(link, null, $"broken symbolic link (no {target})"));
                }
            }
            else
            {
                AddFile(link, target);
            }
        }

        private void AddFile(string path, string real)
        {
            if (!IsReport(path))
            {
                return;
            }
            if (_files.TryGetValue(real, out var first))
            {
                skipped?.Invoke($"{path}: skipped, the same file as {first} (read once)");
                return;
            }
            _files[real] = path;
            Files.Add(path);
        }

        private static bool IsReport(string path) => Extensions.ContainsKey(Path.GetExtension(path));
    }

    private const int MaxLinkDepth = 40;

    /// <summary>The path with every symbolic link in it resolved, as realpath(3) gives it.</summary>
    private static string RealPath(string path, int depth = 0)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } link)
            {
                if (depth >= MaxLinkDepth)
                {
                    throw new IOException("too many levels of symbolic links");
                }
                next = RealPath(Path.IsPathRooted(link) ? link : Path.Combine(current, link), depth + 1);
            }
            current = next;
        }
        return current;
    }

    private IEnumerable<ReadOutcome> ReadFile(string path)
    {
        var format = Extensions.TryGetValue(Path.GetExtension(path), out var byName) ? byName : Sniff(path);
        var stem = Path.GetFileNameWithoutExtension(path);
        if (format == Format.Jsonl)
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            foreach (var outcome in JsonlReportReader.Read(reader, path, MaxLineBytes))
            {
                yield return outcome;
            }
            yield break;
        }
        long length = new FileInfo(path).Length;
        if (length > maxReportBytes)
        {
            yield return new ReadFailure(path, null, $"file too large ({Size(length)} > {Size(maxReportBytes)} limit)");
            yield break;
        }
        var bytes = File.ReadAllBytes(path);
        if (format == Format.Pdf)
        {
            yield return PdfReportReader.Read(bytes, path, stem);
        }
        else if (format == Format.Feed)
        {
            foreach (var outcome in FeedReader.Read(new MemoryStream(bytes), path, stem))
            {
                yield return outcome;
            }
        }
        else
        {
            yield return TextDecoder.TryDecode(bytes, out var text, out var error, out var warning)
                ? WithWarning(FromText(text, format, path, stem), warning)
                : new ReadFailure(path, null, error);
        }
    }

    private IEnumerable<ReadOutcome> ReadStdin(TextReader stdin)
    {
        var head = new char[SniffLength];
        var prefix = new string(head, 0, stdin.ReadBlock(head));
        var format = SniffText(prefix);
        if (format == Format.Jsonl)
        {
            foreach (var outcome in JsonlReportReader.Read(new PrefixedReader(prefix, stdin), StdinName, MaxLineBytes))
            {
                yield return outcome;
            }
            yield break;
        }
        if (prefix.StartsWith("%PDF-", StringComparison.Ordinal))
        {
            // A TextReader has already decoded the bytes, and a PDF does not survive that.
            yield return new ReadFailure(StdinName, null, "PDF on standard input is not supported; pass the file path");
            yield break;
        }
        var all = new StringBuilder(prefix);
        var buffer = new char[81920];
        for (int read; (read = stdin.ReadBlock(buffer)) > 0;)
        {
            all.Append(buffer, 0, read);
            if (all.Length > maxReportBytes)
            {
                yield return new ReadFailure(StdinName, null, $"input too large (over {Size(maxReportBytes)} limit)");
                yield break;
            }
        }
        if (format == Format.Feed)
        {
            foreach (var outcome in FeedReader.Read(new StringReader(all.ToString()), StdinName, "stdin"))
            {
                yield return outcome;
            }
        }
        else
        {
            yield return TextDecoder.TryNormalise(all.ToString(), out var text, out var error)
                ? FromText(text, format, StdinName, "stdin")
                : new ReadFailure(StdinName, null, error);
        }
    }

    private static ReadOutcome WithWarning(ReadOutcome outcome, string? warning) =>
        warning is not null && outcome is ReportRead read
            ? new ReportRead(read.Report with { Warnings = [warning, .. read.Report.Warnings] })
            : outcome;

    private static ReadOutcome FromText(string text, Format format, string input, string inputId) =>
        format == Format.Html
            ? HtmlArticleReader.Read(text, input, inputId)
            : new ReportRead(new RawReport(inputId, input, text));

    private static Format Sniff(string path)
    {
        var head = new byte[SniffLength];
        int length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        var bytes = head.AsSpan(0, length);
        if (bytes.StartsWith("%PDF-"u8))
        {
            return Format.Pdf;
        }
        var encoding = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode
            : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode
            : Encoding.UTF8;
        return SniffText(encoding.GetString(bytes));
    }

    private static Format SniffText(string head)
    {
        var start = head.TrimStart('\uFEFF', '\uFFFE', ' ', '\t', '\r', '\n');
        bool StartsWith(string prefix) => start.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        bool Contains(string part) => start.Contains(part, StringComparison.OrdinalIgnoreCase);

        if (StartsWith("<?xml"))
        {
            return Contains("<html") ? Format.Html : Format.Feed;
        }
        if (StartsWith("<rss") || StartsWith("<feed") || StartsWith("<rdf:RDF"))
        {
            return Format.Feed;
        }
        if (StartsWith("<!doctype html") || StartsWith("<html") || StartsWith("<head") || StartsWith("<body"))
        {
            return Format.Html;
        }
        return StartsWith("{") ? Format.Jsonl : Format.Text;
    }

    /// <summary>Ends an input's outcomes with a failure, not an exception, when reading it fails.</summary>
    private static IEnumerable<ReadOutcome> Guard(IEnumerable<ReadOutcome> outcomes, string input)
    {
        using var enumerator = outcomes.GetEnumerator();
        while (true)
        {
            ReadFailure? failure = null;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure = Failure(input, ex);
            }
            if (failure is not null)
            {
                yield return failure;
                yield break;
            }
            yield return enumerator.Current;
        }
    }

    private static ReadFailure Failure(string input, Exception ex) =>
        new(input, null, ex.Message.Split('\n', 2)[0].Trim());

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };

    /// <summary>Replays the sniffed start of standard input before the rest of it.</summary>
    private sealed class PrefixedReader(string prefix, TextReader rest) : TextReader
    {
        private int _position;

        public override int Peek() => _position < prefix.Length ? prefix[_position] : rest.Peek();

        public override int Read() => _position < prefix.Length ? prefix[_position++] : rest.Read();
    }
}
