using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Text of a PDF as laid out: lines in reading order joined by "\n", a blank line where the gap
/// between lines is much wider than the line spacing, pages separated by a blank line.
/// Hyphenated and wrapped lines are left as they are; the text cleaner re-joins them.
/// </summary>
public static class PdfReportReader
{
    public const string NoTextMessage = "PDF has no extractable text (scanned images?)";

    // A line pitch this many times the page's usual pitch is a paragraph break.
    private const double ParagraphGapRatio = 1.4;

    public static ReadOutcome Read(byte[] pdf, string input, string inputId)
    {
        string text;
        try
        {
            text = ExtractText(pdf);
        }
        catch (Exception ex)
        {
            // PdfPig reports damage in many exception types; any of them means "cannot read this file".
            return new ReadFailure(input, null, $"unreadable PDF: {FirstLine(ex.Message)}");
        }
        return text.Length == 0
            ? new ReadFailure(input, null, NoTextMessage)
            : new ReportRead(new RawReport(inputId, input, text.Normalize(System.Text.NormalizationForm.FormC), FromPdfLayout: true));
    }

    private static string ExtractText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<string>();
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords(NearestNeighbourWordExtractor.Instance)
                .Where(w => !string.IsNullOrWhiteSpace(w.Text))
                .ToList();
            var text = words.Count > 0 ? PageText(words) : "";
            if (text.Length > 0)
            {
                pages.Add(text);
            }
        }
        return string.Join("\n\n", pages);
    }

    private static string PageText(IReadOnlyList<Word> words)
    {
        // Blocks (columns, paragraphs) in reading order; inside a block, lines by baseline.
        var blocks = UnsupervisedReadingOrderDetector.Instance.Get(DocstrumBoundingBoxes.Instance.GetBlocks(words));
        var lines = blocks.SelectMany(b => Lines(b.TextLines.SelectMany(l => l.Words))).ToList();
        if (lines.Count == 0)
        {
            return "";
        }
        var pitches = lines.Zip(lines.Skip(1), (a, b) => a.Baseline - b.Baseline).Where(p => p > 0).Order().ToList();
        double usualPitch = pitches.Count > 0 ? pitches[pitches.Count / 2] : double.MaxValue;

        var text = new StringBuilder(lines[0].Text);
        for (int i = 1; i < lines.Count; i++)
        {
            // A line above the previous one starts a new column: a line break, not a paragraph.
            double pitch = lines[i - 1].Baseline - lines[i].Baseline;
            text.Append(pitch > usualPitch * ParagraphGapRatio ? "\n\n" : "\n").Append(lines[i].Text);
        }
        return text.ToString();
    }

    private static IEnumerable<Line> Lines(IEnumerable<Word> words)
    {
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(Baseline))
        {
            var last = lines.Count > 0 ? lines[^1] : null;
            // Same line when the baselines differ by less than half the smaller word height.
            if (last is not null && Baseline(last[0]) - Baseline(word) < Math.Min(Height(last[0]), Height(word)) / 2)
            {
                last.Add(word);
            }
            else
            {
                lines.Add([word]);
            }
        }
        return lines.Select(l => new Line(
            l.Average(Baseline),
            string.Join(' ', l.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))));
    }

    private static double Baseline(Word word) => word.Letters[0].StartBaseLine.Y;

    private static double Height(Word word) => Math.Max(word.BoundingBox.Height, 1);

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 0 ? line : "damaged file";
    }

    private readonly record struct Line(double Baseline, string Text);
}
