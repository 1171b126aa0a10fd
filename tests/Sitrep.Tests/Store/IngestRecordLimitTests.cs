using System.Text;

namespace Sitrep.Tests.Store;

public sealed class IngestRecordLimitTests : IDisposable
{
    private readonly SitrepProcess _sitrep = new();

    public void Dispose() => _sitrep.Dispose();

    private static string Line(string id, string text) => System.Text.Json.JsonSerializer.Serialize(new { id, text });

    [Fact]
    public void Ingest_stores_the_good_lines_around_one_over_the_record_limit()
    {
        var batch = _sitrep.Path("batch.jsonl");
        File.WriteAllLines(batch, [
            Line("before", "Gunmen killed four villagers near Omdurman in Sudan on Monday."),
            Line("huge", string.Join(' ', Enumerable.Repeat("fighting continued", 2 * 1024 * 1024 / 19))),
            Line("after", "Police arrested 15 suspects in Omdurman in Sudan on Friday."),
        ], new UTF8Encoding(false));
        var (exit, stdout, stderr) = _sitrep.Run("ingest", batch, "--db", _sitrep.Path("s.db"), "--classifier", "off", "--quiet", "--max-record-bytes", "1M");
        Assert.Equal(1, exit);
        Assert.StartsWith("2 new document(s), 0 duplicate(s) skipped, 1 failed", stdout.Trim());
        Assert.Equal($"sitrep: {batch}:2: line too long (over 1,048,576 bytes, the per-record limit)", stderr.Trim());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5X")]
    [InlineData("-3")]
    public void A_bad_record_limit_is_a_usage_error(string limit)
    {
        var (exit, _, stderr) = _sitrep.Run("extract", _sitrep.Path("none.jsonl"), "--max-record-bytes", limit);
        Assert.Equal(2, exit);
        Assert.Contains($"--max-record-bytes must be a positive number of bytes such as 5242880, 512K or 5M, not '{limit}'", stderr);
    }
}
