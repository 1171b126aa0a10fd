using System.Text;
using Sitrep.Ingest;
using Sitrep.Ingest.Readers;

namespace Sitrep.Tests.Ingest;

/// <summary>Batches with records far larger than any article, and texts without words.</summary>
public sealed class RecordLimitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-records-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Line(string id, string text) => System.Text.Json.JsonSerializer.Serialize(new { id, text });

    private string Batch(params string[] lines)
    {
        var path = Path.Combine(_dir, "batch.jsonl");
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task A_ten_megabyte_line_is_an_error_naming_its_line_and_the_lines_after_it_are_read()
    {
        var path = Batch(
            Line("before", "Gunmen killed four villagers near Omdurman on Monday."),
            Line("huge", string.Join(' ', Enumerable.Repeat("fighting continued", 10 * 1024 * 1024 / 19))),
            Line("after", "Police arrested 15 suspects in Omdurman on Friday."));
        var outcomes = await Task.Run(() => new ReportSource().Read([path]).ToList()).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(["before", "after"], outcomes.OfType<ReportRead>().Select(r => r.Report.InputId));
        var failure = Assert.Single(outcomes.OfType<ReadFailure>());
        Assert.Equal($"{path}:2: line too long (over {ReportSource.DefaultMaxRecordBytes:N0} bytes, the per-record limit)", failure.ToString());
    }

    [Fact]
    public void The_limit_is_counted_in_utf8_bytes_and_configurable()
    {
        // 40 characters of three bytes each: 120 bytes, over a 100-byte limit though only 40 characters long.
        var path = Batch(Line("dashes", new string('—', 40)), Line("short", "Fine."));
        var outcomes = new ReportSource(maxRecordBytes: 100).Read([path]).ToList();
        Assert.Equal($"{path}:1: line too long (over 100 bytes, the per-record limit)", outcomes[0].ToString());
        Assert.Equal("short", Assert.IsType<ReportRead>(outcomes[1]).Report.InputId);
    }

    [Theory]
    [InlineData(20 * 1024 * 1024)]
    [InlineData(5000)]
    public void A_text_without_words_is_refused(int length)
    {
        var path = Path.Combine(_dir, "blob.txt");
        File.WriteAllText(path, new string('a', length));
        var failure = Assert.IsType<ReadFailure>(Assert.Single(new ReportSource(maxReportBytes: 32 * 1024 * 1024).Read([path])));
        Assert.Equal($"{path}: no words: {length:N0} of its {length:N0} characters are in runs of more than 100 without a space", failure.ToString());
    }

    [Fact]
    public void Prose_with_a_long_run_in_it_is_read()
    {
        var text = string.Join(' ', Enumerable.Repeat("Clashes were reported near the airport on Sunday.", 10)) + " " + new string('x', 300);
        Assert.True(TextDecoder.TryNormalise(text, out var normalised, out _));
        Assert.Equal(text, normalised);
    }
}
