using CsCheck;
using Sitrep.Core;

namespace Sitrep.Tests.Properties;

/// <summary>
/// Extraction over generated text: news-like word salad from the examples we wrote, mixed with
/// punctuation, quotes, digits, line breaks and odd Unicode, so that every recogniser meets
/// sentence ends, numbers and capitals in places no hand-written test puts them.
/// </summary>
public class ExtractionProperties
{
    private static readonly string[] Words = ExampleWords();

    private static string[] ExampleWords()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "examples");
        var text = string.Join(" ", Directory.GetFiles(dir).Select(File.ReadAllText));
        return System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", " ")
            .Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
    }

    private static readonly string[] Odd =
    [
        ".", ",", ";", ":", "\"", "'", "“", "”", "‘", "’", "(", ")", "—", "-", "–", "\n", "\n\n", "…", "?", "!",
        "0", "1", "12", "1,000", "3.5", "2024", "May", "Friday", "al-", "U.S.", "Dr.", "No.", "\u0301", "\u200b",
        "\uFEFF", "\uD83D\uDE00", "\t", "  ", "A", "I", "X.", "#", "%", "$", "&", "/", "*", "[", "]", "\u00a0",
    ];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.OneOf(Words)),
        (3, Gen.OneOf(Odd)),
        (1, Gen.String[Gen.Char.AlphaNumeric, 1, 12]),
        (1, Gen.String[Gen.Char, 1, 4]));

    public static readonly Gen<string> NewsLike = Piece.Array[0, 120].Select(parts =>
    {
        var sb = new System.Text.StringBuilder();
        foreach (var p in parts)
        {
            if (sb.Length > 0 && p.Length > 1 && char.IsLetterOrDigit(p[0]))
            {
                sb.Append(' ');
            }
            sb.Append(p);
        }
        return sb.ToString();
    });

    [Fact]
    public void Extraction_never_throws_and_spans_point_into_the_text()
    {
        NewsLike.Sample(text =>
        {
            var doc = TestPipeline.Run(text);
            AssertSpansInside(doc);
        }, iter: 3000);
    }

    private static void AssertSpansInside(Document doc)
    {
        int n = doc.Text.Length;
        foreach (var s in doc.Sentences)
        {
            Assert.InRange(s.Span.Start, 0, s.Span.End);
            Assert.InRange(s.Span.End, s.Span.Start, n);
        }
        foreach (var p in doc.Places)
        {
            Assert.InRange(p.Span.End, p.Span.Start + 1, n);
        }
        foreach (var a in doc.Actors)
        {
            Assert.InRange(a.Span.End, a.Span.Start + 1, n);
        }
        foreach (var e in doc.Events.SelectMany(e => e.Evidence))
        {
            Assert.InRange(e.End, e.Start, n);
        }
    }
}

/// <summary>Inputs the generator above shrank to when extraction crashed, kept as regressions.</summary>
public class ExtractionCrashRegressions
{
    [Theory]
    // A speech verb opening the text has no subject before it (token -1 was read).
    [InlineData("said. Thursday, through Fighting- May")]
    [InlineData("said on Friday that the town had fallen.")]
    // A victim word probed one token past the last one.
    [InlineData("people,$= when block attack Rapid 2[jL doctors startA7 EukhYx3KNfv5 homes an   Nile man,! Monitor Kharkiv several BNJ6bO8 wounding tUyg 3Fi50kiIF hit\n\nr Dispatch Gpb8” X. planes on not 21 to civilians,{WX3 blood; 5gnxq5v4NEf3 Russian0 Omdurman m0lkRDYtJ killed g7hZyvB: gK7v21bmRxod people 1,000 QRmXqY Sahel put,\n")]
    public void Generated_inputs_that_crashed_extraction_now_extract(string text)
    {
        var doc = TestPipeline.Run(text);
        Assert.All(doc.Sentences, s => Assert.InRange(s.Span.End, s.Span.Start, doc.Text.Length));
    }
}
