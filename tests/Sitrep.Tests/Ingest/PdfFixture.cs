using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Sitrep.Tests.Ingest;

/// <summary>Builds small PDFs at test time: each page is a list of text lines placed at (x, y).</summary>
internal static class PdfFixture
{
    public sealed record TextLine(string Text, double X, double Y, double Size = 11);

    public static byte[] Build(params IReadOnlyList<TextLine>[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(595, 842);
            foreach (var line in lines)
            {
                page.AddText(line.Text, line.Size, new PdfPoint(line.X, line.Y), font);
            }
        }
        return builder.Build();
    }

    /// <summary>One column of lines from the top of the page, 14 points apart; null leaves an empty line.</summary>
    public static IReadOnlyList<TextLine> Column(double x, params string?[] lines) =>
        lines.Select((text, i) => (text, i)).Where(l => l.text is not null)
            .Select(l => new TextLine(l.text!, x, 780 - (14 * l.i))).ToList();
}
