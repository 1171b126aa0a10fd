using Sitrep.Ingest.Readers;

namespace Sitrep.Tests.Ingest;

public class PublishedDateTests
{
    [Theory]
    [InlineData("2024-03-05", 2024, 3, 5)]
    [InlineData("2024-03-05T23:30:00-05:00", 2024, 3, 5)]
    [InlineData("2024-03-05T23:30:00.123Z", 2024, 3, 5)]
    [InlineData("Tue, 05 Mar 2024 10:00:00 GMT", 2024, 3, 5)]
    [InlineData("5 Mar 24 10:00 +0200", 2024, 3, 5)]
    [InlineData("March 5, 2024", 2024, 3, 5)]
    [InlineData("20240305", 2024, 3, 5)]
    public void LenientFormsGiveTheWrittenDay(string value, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), PublishedDate.Parse(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-02-30")]
    [InlineData("31 Foo 2024")]
    public void UnreadableDatesAreNull(string value)
    {
        Assert.Null(PublishedDate.Parse(value));
    }

    [Theory]
    [InlineData("2024-03-05", true)]
    [InlineData("2024-03-05T10:00:00+02:00", true)]
    [InlineData("2024-03-05 10:00", true)]
    [InlineData("2024-03-05Tnoon", false)]
    [InlineData("5 March 2024", false)]
    [InlineData("2024-13-01", false)]
    public void IsoFormIsStrict(string value, bool valid)
    {
        Assert.Equal(valid, PublishedDate.TryParseIso(value, out _));
    }
}
