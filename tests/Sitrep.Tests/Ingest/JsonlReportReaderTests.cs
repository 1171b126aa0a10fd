using Sitrep.Ingest;
using Sitrep.Ingest.Readers;

namespace Sitrep.Tests.Ingest;

public class JsonlReportReaderTests
{
    private const int Limit = 1 << 20;

    private static List<ReadOutcome> ReadFixture()
    {
        using var reader = new StreamReader(Fixtures.Path("reports.jsonl"));
        return [.. JsonlReportReader.Read(reader, "data/reports.jsonl", Limit)];
    }

    [Fact]
    public void GoodLinesAroundAMalformedLineAreRead()
    {
        var reports = ReadFixture().OfType<ReportRead>().Select(r => r.Report).ToList();

        Assert.Equal(["r-001", "r-003", "5"], reports.Select(r => r.InputId));
        Assert.Equal(
            new RawReport("r-001", "https://fixture.example/r-001", "Two dock workers were killed in Veldra on Monday, the governor said.",
                "Port shelled", "Fixture Wire", new DateOnly(2024, 3, 5), Line: 1)
            { Input = "data/reports.jsonl" },
            reports[0]);
        Assert.Equal("data/reports.jsonl:1 (id r-001)", reports[0].Where);
        Assert.Equal("Numeric ids are accepted.\nLine endings are normalised.", reports[2].Text);
    }

    [Fact]
    public void MalformedLineIsAFailureNamingFileAndLine()
    {
        var failures = ReadFixture().OfType<ReadFailure>().ToList();

        Assert.Equal([2, 5], failures.Select(f => f.Line));
        Assert.StartsWith("data/reports.jsonl:2: malformed JSON", failures[0].ToString());
        Assert.Equal("data/reports.jsonl:5: missing \"text\" or \"html\"", failures[1].ToString());
    }

    [Fact]
    public void HtmlLinesGoThroughTheArticleReaderAndKeepLineMetadata()
    {
        var report = ReadFixture().OfType<ReportRead>().Single(r => r.Report.InputId == "r-003").Report;

        Assert.Equal("Aid convoys reached Norrin.\n\nNo casualties were reported.", report.Text);
        Assert.Equal("Fixture Daily", report.Outlet);
        Assert.Equal("Headline", report.Title);
        Assert.Equal(new DateOnly(2024, 3, 6), report.Published);
        Assert.Equal("data/reports.jsonl", report.Source);
    }

    [Theory]
    [InlineData("[1, 2]", "expected a JSON object")]
    [InlineData("{\"text\": \"Body.\"}", "missing \"id\"")]
    [InlineData("{\"id\": \"a\", \"text\": \"Body.\", \"title\": 7}", "\"title\" must be a string")]
    [InlineData("{\"id\": \"a\", \"text\": \"Body.\", \"published\": \"last week\"}", "\"published\" is not YYYY-MM-DD or an ISO date-time: last week")]
    [InlineData("{\"id\": \"a\", \"text\": \"   \"}", "missing \"text\" or \"html\"")]
    [InlineData("{\"id\": \"a\", \"html\": \"<nav>Menu</nav>\"}", "HTML has no article text")]
    [InlineData("{\"id\": \"a\", \"text\": \"half \\ud800 pair\"}", "\"text\": Cannot read incomplete UTF-16 JSON text as string with missing low surrogate.")]
    public void InvalidLinesSayWhatIsWrong(string line, string message)
    {
        var outcome = Assert.Single(JsonlReportReader.Read(new StringReader(line), "x.jsonl", Limit));

        Assert.Equal(new ReadFailure("x.jsonl", 1, message), outcome);
    }

    [Fact]
    public void OverlongLineIsSkippedAndReadingContinues()
    {
        var input = "{\"id\": \"long\", \"text\": \"" + new string('x', 500) + "\"}\n{\"id\": \"short\", \"text\": \"Fine.\"}\n";

        var outcomes = JsonlReportReader.Read(new StringReader(input), "x.jsonl", 100).ToList();

        Assert.Equal("x.jsonl:1: line too long (over 100 bytes, the per-record limit)", outcomes[0].ToString());
        Assert.Equal("short", Assert.IsType<ReportRead>(outcomes[1]).Report.InputId);
    }

    [Fact]
    public void LinesAreReadLazilyOneAtATime()
    {
        var outcomes = JsonlReportReader.Read(new EndlessJsonl(), "endless.jsonl", Limit).Take(3).ToList();

        Assert.Equal(["0", "1", "2"], outcomes.Select(o => Assert.IsType<ReportRead>(o).Report.InputId));
    }

    /// <summary>An input that never ends, which only a streaming reader can get reports from.</summary>
    private sealed class EndlessJsonl : TextReader
    {
        private string _line = "";
        private int _position;
        private int _count;

        public override int Read()
        {
            if (_position == _line.Length)
            {
                (_line, _position) = ($"{{\"id\": \"{_count++}\", \"text\": \"Report.\"}}\n", 0);
            }
            return _line[_position++];
        }
    }
}
