using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Core.Pipeline;

namespace Sitrep.Extraction.Dates;

/// <summary>
/// Time expressions resolved against the publication date: weekdays (the most recent on or
/// before publication, unless the text looks ahead), "yesterday", "overnight", "last week",
/// "earlier this month", explicit dates in the common orders, months and years.
/// </summary>
public sealed partial class TimeRecognizer : IAnnotator
{
    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];

    public string Name => "dates";

    public IReadOnlyList<string> Requires => [Layers.Sentences];

    public IReadOnlyList<string> Provides => [Layers.Times];

    public void Annotate(Document document)
    {
        var published = document.Metadata.Published;
        var text = document.Text;
        // The spans taken so far never overlap, so only the last one starting before a new span's end can overlap it.
        var taken = new SortedSet<TextSpan>(Comparer<TextSpan>.Create((a, b) => a.Start.CompareTo(b.Start)));
        void Add(Match m, DateOnly from, DateOnly to, string precision, bool future = false)
        {
            var span = new TextSpan(m.Index, m.Index + m.Length);
            // Max of an empty view is the empty default span, which overlaps nothing.
            var last = taken.GetViewBetween(new TextSpan(int.MinValue, int.MinValue), new TextSpan(span.End - 1, span.End - 1)).Max;
            if (last.Overlaps(span))
            {
                return;
            }
            taken.Add(span);
            document.Times.Add(new TimeExpression
            {
                Text = document.Shared(m.Value),
                Start = span.Start,
                End = span.End,
                From = from,
                To = to,
                Precision = precision,
                IsFuture = future,
            });
        }

        foreach (Match m in FullDate().Matches(text))
        {
            if (TryDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out var date))
            {
                Add(m, date, date, DatePrecision.Day);
            }
        }
        foreach (Match m in DayMonth().Matches(text))
        {
            if (published is DateOnly pub && TryDate(pub.Year.ToString(CultureInfo.InvariantCulture), m.Groups["m"].Value, m.Groups["d"].Value, out var date))
            {
                if (date > pub.AddDays(7))
                {
                    date = date.AddYears(-1);
                }
                Add(m, date, date, DatePrecision.Day);
            }
        }
        foreach (Match m in MonthYear().Matches(text))
        {
            int month = MonthIndex(m.Groups["m"].Value);
            int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var from = new DateOnly(year, month, 1);
            Add(m, from, from.AddMonths(1).AddDays(-1), DatePrecision.Month);
        }
        foreach (Match m in Year().Matches(text))
        {
            int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            Add(m, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Year);
        }
        if (published is not DateOnly published1)
        {
            return;
        }
        foreach (Match m in Weekday().Matches(text))
        {
            var day = Enum.Parse<DayOfWeek>(m.Groups["w"].Value, ignoreCase: true);
            bool next = m.Groups["next"].Success || LooksAhead(text, m.Index);
            var date = next ? NextOnOrAfter(published1, day) : LastOnOrBefore(published1, day);
            if (m.Groups["last"].Success && date == published1)
            {
                date = date.AddDays(-7);
            }
            Add(m, date, date, DatePrecision.Day, next && date > published1);
        }
        foreach (Match m in DaysAfter().Matches(text))
        {
            // "two days after the RSF said it had taken control": counted back from the sentence's own date.
            int days = m.Groups["n"].Value.ToLowerInvariant() switch
            {
                "a" or "one" => 1,
                "two" => 2,
                "three" => 3,
                "four" => 4,
                "five" => 5,
                "six" => 6,
                var n => int.TryParse(n, out var d) ? d : 0,
            };
            var sentence = document.SentenceAt(m.Index);
            var anchor = document.Times.Where(t => sentence is not null && sentence.Span.Covers(t.Span) && t.Start < m.Index && t.Precision == DatePrecision.Day)
                .Select(t => (DateOnly?)t.From).LastOrDefault() ?? published1;
            var date = m.Groups["dir"].Value == "after" ? anchor.AddDays(-days) : anchor.AddDays(days);
            Add(m, date, date, DatePrecision.Day);
        }
        foreach (Match m in Relative().Matches(text))
        {
            var phrase = m.Value.ToLowerInvariant();
            var (from, to, precision) = phrase switch
            {
                var p when p.Contains("yesterday") || p.Contains("previous") => (published1.AddDays(-1), published1.AddDays(-1), DatePrecision.Day),
                var p when p.Contains("today") || p.Contains("overnight") || p.Contains("this morning") || p.Contains("tonight") =>
                    (published1, published1, DatePrecision.Day),
                var p when p.Contains("last week") || p.Contains("past week") => (published1.AddDays(-7), published1.AddDays(-1), DatePrecision.Week),
                var p when p.Contains("this week") || p.Contains("past few days") || p.Contains("recent days") || p.Contains("48 hours") =>
                    (published1.AddDays(-6), published1, DatePrecision.Week),
                var p when p.Contains("weekend") => (LastOnOrBefore(published1, DayOfWeek.Saturday), LastOnOrBefore(published1, DayOfWeek.Saturday).AddDays(1), DatePrecision.Week),
                var p when p.Contains("this month") => (new DateOnly(published1.Year, published1.Month, 1), published1, DatePrecision.Month),
                var p when p.Contains("last month") => (new DateOnly(published1.Year, published1.Month, 1).AddMonths(-1), new DateOnly(published1.Year, published1.Month, 1).AddDays(-1), DatePrecision.Month),
                var p when p.Contains("next week") => (published1.AddDays(1), published1.AddDays(7), DatePrecision.Week),
                _ => (published1, published1, DatePrecision.Day),
            };
            Add(m, from, to, precision, phrase.Contains("next"));
        }
        document.Times.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private static bool LooksAhead(string text, int index)
    {
        var before = text.Substring(Math.Max(0, index - 40), Math.Min(40, index)).ToLowerInvariant();
        return before.Contains("will ") || before.Contains("due to") || before.Contains("scheduled") || before.Contains("expected to") ||
               before.Contains("set to") || before.Contains("take effect");
    }

    private static DateOnly LastOnOrBefore(DateOnly date, DayOfWeek day) => date.AddDays(-(((int)date.DayOfWeek - (int)day + 7) % 7));

    private static DateOnly NextOnOrAfter(DateOnly date, DayOfWeek day) => date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);

    private static int MonthIndex(string name)
    {
        var lower = name.ToLowerInvariant().TrimEnd('.');
        for (int i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(lower, StringComparison.Ordinal) && lower.Length >= 3)
            {
                return i + 1;
            }
        }
        return 0;
    }

    private static bool TryDate(string year, string month, string day, out DateOnly date)
    {
        date = default;
        int m = MonthIndex(month);
        if (m == 0 || !int.TryParse(year, out var y) || !int.TryParse(day, out var d) || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }
        date = new DateOnly(y, m, d);
        return true;
    }

    private const string Month = "(?<m>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)";

    [GeneratedRegex(@"\b(?:(?<d>\d{1,2}) " + Month + @",? (?<y>(?:19|20)\d\d)|" + Month + @" (?<d>\d{1,2}),? (?<y>(?:19|20)\d\d))\b")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"\b(?:(?<d>\d{1,2}) " + Month + @"|" + Month + @" (?<d>\d{1,2}))\b(?!,? \d{4})")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b" + Month + @",? (?<y>(?:19|20)\d\d)\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b(?:in|since|of|from|by|until|before|after|during)\s+(?:early |late |mid-)?(?<y>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Year();

    [GeneratedRegex(@"(?<![\d,.])\b(?<y>(?:19|20)\d\d)\b(?![\d,.]\d)")]
    private static partial Regex BareYear();

    [GeneratedRegex(@"\b(?:(?<last>last|this past)\s+|(?<next>next|this coming)\s+|(?:late|early)\s+(?:on\s+)?|on\s+|overnight\s+into\s+)?(?<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?(?:\s+(?:night|morning|afternoon|evening))?\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?<n>a|one|two|three|four|five|six|\d{1,2}) days? (?<dir>after|before)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DaysAfter();

    [GeneratedRegex(@"\b(?:the previous (?:day|afternoon|evening|night|morning)|yesterday|today|tonight|overnight|this morning|(?:last|this|next|past) week|earlier this month|this month|last month|(?:at|over) the weekend|(?:in the )?past few days|in recent days|(?:in the )?(?:past|last) 48 hours)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();
}
