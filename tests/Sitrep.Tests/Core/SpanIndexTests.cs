using CsCheck;
using Sitrep.Core;

namespace Sitrep.Tests.Core;

/// <summary>The offset index answers exactly what a scan of every span would.</summary>
public class SpanIndexTests
{
    private static readonly Gen<TextSpan> Span = Gen.Select(Gen.Int[0, 200], Gen.Int[0, 30], (start, length) => new TextSpan(start, start + length));

    [Fact]
    public void Answers_as_a_scan_does()
    {
        Gen.Select(Span.Array[0, 40], Span).Sample((spans, query) =>
        {
            var index = new SpanIndex(spans);
            var within = Enumerable.Range(0, spans.Length).Where(i => query.Covers(spans[i])).ToList();
            Assert.Equal(within, index.Within(query));
            Assert.Equal(spans.Any(s => s.Overlaps(query)), index.Overlaps(query));
            Assert.Equal(spans.Any(s => s.Covers(query)), index.AnyCovers(query));
            var starting = Enumerable.Range(0, spans.Length).Where(i => spans[i].Start >= query.Start && spans[i].Start <= query.End).ToList();
            Assert.Equal(starting, index.StartingBetween(query.Start, query.End));
        }, iter: 5000);
    }

    [Fact]
    public void A_layer_is_reindexed_when_it_grows()
    {
        var document = new Document("Aleppo and Homs", new DocumentMetadata());
        var places = new List<Sitrep.Core.Annotations.PlaceMention> { new() { Start = 0, End = 6 } };
        Assert.Single(document.Within(places, new TextSpan(0, 15)));
        places.Add(new() { Start = 11, End = 15 });
        Assert.Equal(2, document.Within(places, new TextSpan(0, 15)).Count());
    }
}
