using Sitrep.Core;

namespace Sitrep.Tests.Extraction;

/// <summary>
/// Long reports built from one paragraph written here, told again and again: each telling must be
/// read as the first one was (nothing lost to windows or indexes), and the whole must finish in a
/// time no quadratic path could (a hang guard, not a speed measurement).
/// </summary>
public class LongReportTests
{
    private const string Paragraph =
        "Russian warplanes bombed HTS positions near Idlib in Syria on Friday, killing 12 fighters, the Syrian Observatory for Human Rights said. " +
        "Government troops said they had repelled an attack by rebels near Hama. " +
        "\"We will not allow the city to fall,\" a military spokesman, Ali Hassan, told reporters in Homs. " +
        "A car bomb exploded near a police station in Aleppo on Thursday, wounding 7 people, local officials said.";

    private static Document Run(int tellings) =>
        TestPipeline.Run(string.Join("\n\n", Enumerable.Repeat(Paragraph, tellings)));

    [Fact]
    public void Every_telling_of_a_paragraph_is_read_as_the_first()
    {
        var once = Run(1);
        Assert.NotEmpty(once.Casualties);
        Assert.NotEmpty(once.Actors);
        Assert.NotEmpty(once.Places);
        const int tellings = 40;
        var many = Run(tellings);
        Assert.Equal(once.Casualties.Count * tellings, many.Casualties.Count);
        Assert.Equal(once.Actors.Count * tellings, many.Actors.Count);
        Assert.Equal(once.Places.Count * tellings, many.Places.Count);
        Assert.Equal(once.Times.Count * tellings, many.Times.Count);
        Assert.Equal(once.Attributions.Count * tellings, many.Attributions.Count);
        // The same incident told again is the same event, with every telling as evidence.
        Assert.Equal(once.Events.Count, many.Events.Count);
        Assert.All(many.Events.Zip(once.Events), pair => Assert.Equal(pair.Second.Evidence.Count * tellings, pair.First.Evidence.Count));
    }

    [Fact]
    public async Task A_report_of_a_megabyte_finishes()
    {
        int tellings = 1024 * 1024 / Paragraph.Length;
        // Quadratic paths took minutes at 400 KB; linear ones take seconds at 1 MB.
        var document = await Task.Run(() => Run(tellings)).WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(tellings * Run(1).Casualties.Count, document.Casualties.Count);
    }
}
