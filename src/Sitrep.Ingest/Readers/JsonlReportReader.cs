using System.Text;
using System.Text.Json;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Reads JSON Lines, one report per line: "id" and "text" or "html" are required; "url",
/// "title", "published" and "outlet" are optional. A bad line becomes a failure naming its
/// number and reading goes on. Lines are read one at a time, so file size does not matter,
/// and a line over the per-record limit is skipped without being kept.
/// </summary>
public static class JsonlReportReader
{
    public static IEnumerable<ReadOutcome> Read(TextReader reader, string input, long maxLineBytes)
    {
        var buffer = new StringBuilder();
        for (int lineNumber = 1; ReadLine(reader, buffer, maxLineBytes) is bool complete; lineNumber++)
        {
            if (!complete)
            {
                yield return new ReadFailure(input, lineNumber, $"line too long (over {maxLineBytes:N0} bytes, the per-record limit)");
            }
            else if (buffer.ToString() is var line && !string.IsNullOrWhiteSpace(line))
            {
                yield return ReadReport(line, input, lineNumber);
            }
        }
    }

    private static ReadOutcome ReadReport(string line, string input, int lineNumber)
    {
        ReadFailure Fail(string message) => new(input, lineNumber, message);

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return Fail($"malformed JSON: {ex.Message}");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail("expected a JSON object");
            }
            string? fieldError = null;
            string? Field(string name)
            {
                if (!root.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }
                if (name == "id" && member.ValueKind == JsonValueKind.Number)
                {
                    // Numeric ids are common in exports.
                    return member.GetRawText();
                }
                if (member.ValueKind != JsonValueKind.String)
                {
                    fieldError ??= $"\"{name}\" must be a string";
                    return null;
                }
                try
                {
                    var value = member.GetString()!.Trim();
                    return value.Length == 0 ? null : value;
                }
                catch (InvalidOperationException ex)
                {
                    // Valid JSON can still escape half a surrogate pair, which is no text.
                    fieldError ??= $"\"{name}\": {ex.Message}";
                    return null;
                }
            }

            var (id, text, html, url) = (Field("id"), Field("text"), Field("html"), Field("url"));
            var (title, outlet, publishedText) = (Field("title"), Field("outlet"), Field("published"));
            if (fieldError is not null)
            {
                return Fail(fieldError);
            }
            if (id is null)
            {
                return Fail("missing \"id\"");
            }
            DateOnly? published = null;
            if (publishedText is not null)
            {
                if (!PublishedDate.TryParseIso(publishedText, out var date))
                {
                    return Fail($"\"published\" is not YYYY-MM-DD or an ISO date-time: {publishedText.ReplaceLineEndings(" ")}");
                }
                published = date;
            }
            if (text is not null)
            {
                return TextDecoder.TryNormalise(text, out var normalised, out var error)
                    ? new ReportRead(new RawReport(id, url ?? input, normalised, title, outlet, published, Line: lineNumber) { Input = input })
                    : Fail($"\"text\": {error}");
            }
            if (html is null)
            {
                return Fail("missing \"text\" or \"html\"");
            }
            var article = HtmlArticleReader.Extract(html);
            return article.Text.Length == 0
                ? Fail(HtmlArticleReader.NoTextMessage)
                : new ReportRead(new RawReport(
                    id, url ?? input, article.Text, title ?? article.Title, outlet ?? article.Outlet, published ?? article.Published, Line: lineNumber)
                { Input = input });
        }
    }

    /// <summary>
    /// Reads one line into the buffer, keeping at most maxBytes of it (as UTF-8) so one huge line
    /// cannot exhaust memory; the rest of an overlong line is read past and dropped. Null at end
    /// of input; false when the line was longer than maxBytes.
    /// </summary>
    private static bool? ReadLine(TextReader reader, StringBuilder buffer, long maxBytes)
    {
        buffer.Clear();
        int c = reader.Read();
        if (c < 0)
        {
            return null;
        }
        long bytes = 0;
        for (; c >= 0 && c != '\n'; c = reader.Read())
        {
            // A surrogate is half of a four-byte character.
            bytes += c < 0x80 ? 1 : c < 0x800 || char.IsSurrogate((char)c) ? 2 : 3;
            if (bytes <= maxBytes)
            {
                buffer.Append((char)c);
            }
        }
        if (bytes > maxBytes)
        {
            buffer.Clear();
            return false;
        }
        return true;
    }
}
