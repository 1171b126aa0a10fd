using Sitrep.Core.Annotations;

namespace Sitrep.Tests.Extraction;

public class TimeRecognizerTests
{
    private static TimeExpression Time(string text, string phrase, string published = "2024-11-29")
    {
        var doc = TestPipeline.Run(text, published);
        return Assert.Single(doc.Times, t => t.Text == phrase);
    }

    [Theory]
    [InlineData("Rebels attacked on Friday.", "on Friday", "2024-11-29", "2024-11-29", DatePrecision.Day)]
    [InlineData("Rebels attacked on Wednesday.", "on Wednesday", "2024-11-27", "2024-11-27", DatePrecision.Day)]
    [InlineData("Rebels attacked last Friday.", "last Friday", "2024-11-22", "2024-11-22", DatePrecision.Day)]
    [InlineData("Rebels attacked yesterday.", "yesterday", "2024-11-28", "2024-11-28", DatePrecision.Day)]
    [InlineData("Rebels attacked last week.", "last week", "2024-11-22", "2024-11-28", DatePrecision.Week)]
    [InlineData("Rebels attacked earlier this month.", "earlier this month", "2024-11-01", "2024-11-29", DatePrecision.Month)]
    [InlineData("Rebels attacked on 27 November 2024.", "27 November 2024", "2024-11-27", "2024-11-27", DatePrecision.Day)]
    [InlineData("Rebels attacked on November 27.", "November 27", "2024-11-27", "2024-11-27", DatePrecision.Day)]
    [InlineData("Rebels attacked in March 2020.", "March 2020", "2020-03-01", "2020-03-31", DatePrecision.Month)]
    [InlineData("Russia intervened in 2015.", "in 2015", "2015-01-01", "2015-12-31", DatePrecision.Year)]
    public void Resolves_against_the_publication_date(string text, string phrase, string from, string to, string precision)
    {
        var time = Time(text, phrase);
        Assert.Equal(DateOnly.Parse(from), time.From);
        Assert.Equal(DateOnly.Parse(to), time.To);
        Assert.Equal(precision, time.Precision);
    }

    [Fact]
    public void A_weekday_after_will_looks_ahead()
    {
        var time = Time("The truce will take effect on Sunday.", "on Sunday");
        Assert.True(time.IsFuture);
        Assert.Equal(new DateOnly(2024, 12, 1), time.From);
    }
}
