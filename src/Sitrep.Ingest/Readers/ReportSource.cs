using System.Text;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Turns command-line inputs (files, directories, "-" for standard input) into reports and
/// one-line failures, choosing a reader by extension or, failing that, by content. Bad input
/// never throws: it becomes a failure naming the input, and reading goes on.
/// </summary>
public sealed class ReportSource(long maxReportBytes = ReportSource.DefaultMaxReportBytes)
{
    public const long DefaultMaxReportBytes = 20L * 1024 * 1024;

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

    // A JSONL line is one report, so it has the same bound as a report file.
    private int MaxLineChars => (int)Math.Min(maxReportBytes, int.MaxValue);

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

    private IEnumerable<ReadOutcome> ReadDirectory(string directory)
    {
        List<string> files;
        try
        {
            // Hidden entries (.git, editor backups) are not reports.
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
            files = Directory.EnumerateFiles(directory, "*", options)
                .Where(path => Extensions.ContainsKey(Path.GetExtension(path)))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [Failure(directory, ex)];
        }
        return files.SelectMany(path => Guard(ReadFile(path), path));
    }

    private IEnumerable<ReadOutcome> ReadFile(string path)
    {
        var format = Extensions.TryGetValue(Path.GetExtension(path), out var byName) ? byName : Sniff(path);
        var stem = Path.GetFileNameWithoutExtension(path);
        if (format == Format.Jsonl)
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            foreach (var outcome in JsonlReportReader.Read(reader, path, MaxLineChars))
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
            yield return TextDecoder.TryDecode(bytes, out var text, out var error)
                ? FromText(text, format, path, stem)
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
            foreach (var outcome in JsonlReportReader.Read(new PrefixedReader(prefix, stdin), StdinName, MaxLineChars))
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
