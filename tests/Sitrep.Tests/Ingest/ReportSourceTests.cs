using System.Text;
using Sitrep.Ingest;
using Sitrep.Ingest.Readers;

namespace Sitrep.Tests.Ingest;

public sealed class ReportSourceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var path = _temp.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private static List<ReadOutcome> Read(params string[] inputs) => [.. new ReportSource().Read(inputs)];

    private static RawReport Report(ReadOutcome outcome) => Assert.IsType<ReportRead>(outcome).Report;

    [Fact]
    public void Utf16TextFileIsAReportNamedAfterTheFile()
    {
        var path = Write("kharkiv-brief.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Kharkiv — two injured.\r\nMore later.")]);

        var report = Report(Assert.Single(Read(path)));

        Assert.Equal(new RawReport("kharkiv-brief", path, "Kharkiv — two injured.\nMore later."), report);
    }

    [Fact]
    public void Latin1TextFileIsDecoded()
    {
        var path = Write("prefet.txt", Encoding.Latin1.GetBytes("Le préfet de Veldra a confirmé l'attaque."));

        Assert.Equal("Le préfet de Veldra a confirmé l'attaque.", Report(Assert.Single(Read(path))).Text);
    }

    [Fact]
    public void BinaryJunkIsAFailureNamingTheFile()
    {
        var junk = new byte[4096];
        new Random(42).NextBytes(junk);
        var path = Write("junk.txt", junk);

        Assert.Equal($"{path}: binary data, not text", Assert.Single(Read(path)).ToString());
    }

    [Fact]
    public void EmptyFileIsAFailure()
    {
        var path = Write("empty.txt", []);

        Assert.Equal($"{path}: empty input", Assert.Single(Read(path)).ToString());
    }

    [Fact]
    public void TruncatedPdfFileIsAFailureNamingTheFile()
    {
        var pdf = PdfFixture.Build(PdfFixture.Column(50, "A line of text."));
        var path = Write("cut.pdf", pdf[..(pdf.Length / 2)]);

        var failure = Assert.IsType<ReadFailure>(Assert.Single(Read(path)));

        Assert.Equal(path, failure.Input);
        Assert.StartsWith("unreadable PDF: ", failure.Message);
    }

    [Fact]
    public void PdfFileIsReadWithLayoutFlag()
    {
        var path = Write("brief.pdf", PdfFixture.Build(PdfFixture.Column(50, "First line", "second line.")));

        var report = Report(Assert.Single(Read(path)));

        Assert.Equal(("brief", "First line\nsecond line.", true), (report.InputId, report.Text, report.FromPdfLayout));
    }

    [Fact]
    public void HtmlFileWithoutBodyTextIsAFailure()
    {
        var path = Write("blank.html", Fixtures.Read("no-body.html"));

        Assert.Equal($"{path}: HTML has no article text", Assert.Single(Read(path)).ToString());
    }

    [Fact]
    public void MissingPathIsAFailureAndLaterInputsAreStillRead()
    {
        var present = Write("present.txt", "Still read.");
        var missing = _temp.File("missing.txt");

        var outcomes = Read(missing, present);

        Assert.Equal($"{missing}: no such file or directory", outcomes[0].ToString());
        Assert.Equal("Still read.", Report(outcomes[1]).Text);
    }

    [Fact]
    public void DirectoryIsReadRecursivelyInOrderWithKnownExtensionsOnly()
    {
        File.Copy(Fixtures.Path("article.html"), _temp.File("a-article.html"));
        File.Copy(Fixtures.Path("feed.atom"), _temp.File("b-feed.atom"));
        File.Copy(Fixtures.Path("reports.jsonl"), _temp.File("c-reports.jsonl"));
        Write("d-brief.pdf", PdfFixture.Build(PdfFixture.Column(50, "PDF brief.")));
        Write("e/nested.md", "Nested note.");
        Write("e/empty.txt", "");
        Write("photo.png", [0x89, 0x50, 0x4E, 0x47, 0x00]);
        Write("data.json", "{\"id\": \"ignored\", \"text\": \"Only jsonl and ndjson are read.\"}");
        Write(".hidden.txt", "Hidden.");

        var outcomes = new ReportSource().Read([_temp.Root]).ToList();

        Assert.Equal(
            [
                "a-article", "urn:fixture:atom:1", "urn:fixture:atom:2", "r-001", "c-reports.jsonl:2", "r-003",
                "c-reports.jsonl:5", "5", "d-brief", "empty.txt", "nested",
            ],
            outcomes.Select(o => o switch
            {
                ReportRead r => r.Report.InputId,
                ReadFailure f => Path.GetFileName(f.Input) + (f.Line is int line ? $":{line}" : ""),
                _ => throw new InvalidOperationException(),
            }));
        Assert.Equal(_temp.File("a-article.html"), Report(outcomes[0]).Source);
        Assert.Equal(_temp.File("e/nested.md"), Report(outcomes[^1]).Source);
    }

    [Fact]
    public void FileOverTheConfiguredLimitIsAFailure()
    {
        var path = Write("long.txt", new string('a', 2048));

        var outcome = Assert.Single(new ReportSource(maxReportBytes: 1024).Read([path]));

        Assert.Equal($"{path}: file too large (2 KB > 1 KB limit)", outcome.ToString());
    }

    [Fact]
    public void JsonlFileIsNotBoundByTheReportLimitButItsLinesAre()
    {
        var lines = Enumerable.Range(1, 50).Select(i => $"{{\"id\": \"{i}\", \"text\": \"Report number {i}.\"}}").ToList();
        lines.Add($"{{\"id\": \"big\", \"text\": \"{new string('x', 2000)}\"}}");
        var path = Write("many.jsonl", string.Join("\n", lines));

        var outcomes = new ReportSource(maxReportBytes: 1024).Read([path]).ToList();

        Assert.Equal(50, outcomes.OfType<ReportRead>().Count());
        Assert.Equal($"{path}:51: line too long (over 1,024 bytes, the per-record limit)", Assert.Single(outcomes.OfType<ReadFailure>()).ToString());
    }

    [Fact]
    public void FiftyMegabyteTextFileIsRefusedByTheDefaultLimit()
    {
        var path = _temp.File("huge.txt");
        using (var stream = File.Create(path))
        {
            var line = Encoding.ASCII.GetBytes("Shelling was reported again in the district overnight.\n");
            for (long written = 0; written < 50L * 1024 * 1024; written += line.Length)
            {
                stream.Write(line);
            }
        }

        var outcome = Assert.Single(new ReportSource().Read([path]));

        Assert.Equal($"{path}: file too large (50 MB > 20 MB limit)", outcome.ToString());
    }

    [Theory]
    [InlineData("report", "%PDF-", "pdf")]
    [InlineData("page.dat", "\n  <!DOCTYPE html><html><body><p>Sniffed page.</p></body></html>", "Sniffed page.")]
    [InlineData("feed.dat", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><description>Sniffed item.</description></item></channel></rss>", "Sniffed item.")]
    [InlineData("lines.json", "{\"id\": \"j1\", \"text\": \"Sniffed line.\"}\n", "Sniffed line.")]
    [InlineData("notes", "Plain sniffed text.", "Plain sniffed text.")]
    public void UnknownExtensionsAreSniffed(string name, string content, string expected)
    {
        var path = content == "%PDF-"
            ? Write(name, PdfFixture.Build(PdfFixture.Column(50, expected)))
            : Write(name, content);

        Assert.Equal(expected, Report(Assert.Single(Read(path))).Text);
    }

    [Fact]
    public void BigEndianUtf16PageIsSniffedAsHtml()
    {
        var path = Write("page", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("<html><body><p>Wide page.</p></body></html>")]);

        Assert.Equal("Wide page.", Report(Assert.Single(Read(path))).Text);
    }

    [Fact]
    public void FileRemovedWhileReadingIsAFailureNotAnException()
    {
        Write("a.txt", "First.");
        var second = Write("b.txt", "Second.");
        Write("c.txt", "Third.");

        var outcomes = new List<ReadOutcome>();
        foreach (var outcome in new ReportSource().Read([_temp.Root]))
        {
            outcomes.Add(outcome);
            if (outcomes.Count == 1)
            {
                File.Delete(second);
            }
        }

        Assert.Equal("First.", Report(outcomes[0]).Text);
        var failure = Assert.IsType<ReadFailure>(outcomes[1]);
        Assert.Equal(second, failure.Input);
        Assert.Equal("Third.", Report(outcomes[2]).Text);
    }

    [Fact]
    public void StandardInputTextIsAReport()
    {
        var report = Report(Assert.Single(new ReportSource().Read(["-"], new StringReader("Typed into the pipe.\r\n"))));

        Assert.Equal(new RawReport("stdin", "<stdin>", "Typed into the pipe.\n"), report);
    }

    [Fact]
    public void StandardInputJsonlIsStreamedPastTheSniffedPrefix()
    {
        var jsonl = string.Join("\n", Enumerable.Range(1, 300).Select(i => $"{{\"id\": \"s{i}\", \"text\": \"Line {i} of the stream.\"}}"));

        var outcomes = new ReportSource().Read(["-"], new StringReader(jsonl)).ToList();

        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"s{i}"), outcomes.Select(o => Report(o).InputId));
        Assert.Equal("Line 300 of the stream.", Report(outcomes[^1]).Text);
    }

    [Fact]
    public void StandardInputHtmlAndFeedsAreSniffed()
    {
        var html = Report(Assert.Single(new ReportSource().Read(["-"], new StringReader(Fixtures.Read("article.html")))));
        var feed = new ReportSource().Read(["-"], new StringReader(Fixtures.Read("feed.rss"))).ToList();

        Assert.Equal("Shelling hits river port of Veldra", html.Title);
        Assert.Equal(["fixture-wire-0001", "https://fixture.example/norrin"], feed.Select(o => Report(o).InputId));
    }

    [Fact]
    public void StandardInputOverTheLimitIsAFailure()
    {
        var outcome = Assert.Single(new ReportSource(maxReportBytes: 10_000).Read(["-"], new StringReader(new string('w', 100_000))));

        Assert.Equal("<stdin>: input too large (over 9.8 KB limit)", outcome.ToString());
    }
}
