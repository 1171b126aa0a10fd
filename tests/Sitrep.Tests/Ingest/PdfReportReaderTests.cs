using Sitrep.Ingest;
using Sitrep.Ingest.Readers;

namespace Sitrep.Tests.Ingest;

public class PdfReportReaderTests
{
    private static readonly byte[] TwoColumnsTwoPages = PdfFixture.Build(
        [
            .. PdfFixture.Column(50, "Shelling hit the port of Veldra", "overnight, the governor said, in a hyphen-", "ated sentence.", null, "Two people were killed."),
            .. PdfFixture.Column(320, "Crews worked through the", "night to clear the roads."),
        ],
        PdfFixture.Column(50, "Page two has one line."));

    [Fact]
    public void LinesFollowColumnsAndPagesWithParagraphBreaksAtWideGaps()
    {
        var report = Assert.IsType<ReportRead>(PdfReportReader.Read(TwoColumnsTwoPages, "in/veldra.pdf", "veldra")).Report;

        Assert.Equal(
            "Shelling hit the port of Veldra\novernight, the governor said, in a hyphen-\nated sentence.\n\n"
            + "Two people were killed.\nCrews worked through the\nnight to clear the roads.\n\n"
            + "Page two has one line.",
            report.Text);
        Assert.True(report.FromPdfLayout);
        Assert.Equal(("veldra", "in/veldra.pdf"), (report.InputId, report.Source));
    }

    [Fact]
    public void TruncatedPdfIsAOneLineFailureWithPdfPigsReason()
    {
        var failure = Assert.IsType<ReadFailure>(PdfReportReader.Read(TwoColumnsTwoPages[..(TwoColumnsTwoPages.Length / 2)], "cut.pdf", "cut"));

        Assert.StartsWith("cut.pdf: unreadable PDF: ", failure.ToString());
        Assert.True(failure.Message.Length > "unreadable PDF: ".Length);
        Assert.DoesNotContain('\n', failure.ToString());
    }

    [Fact]
    public void PdfWithoutTextIsAFailure()
    {
        var failure = Assert.IsType<ReadFailure>(PdfReportReader.Read(PdfFixture.Build([]), "scan.pdf", "scan"));

        Assert.Equal(PdfReportReader.NoTextMessage, failure.Message);
    }
}
