using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Reads the calendar date a publication date was written with. The date is taken as written
/// (not converted to UTC) because the publisher's local day is the day of the report.
/// </summary>
public static partial class PublishedDate
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Strict form for structured inputs: YYYY-MM-DD, optionally followed by an ISO time.</summary>
    public static bool TryParseIso(string value, out DateOnly date)
    {
        date = default;
        var match = IsoDate().Match(value.Trim());
        return match.Success && TryCreate(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value, out date);
    }

    /// <summary>Lenient form for page and feed metadata: ISO dates, RFC 822 dates, "March 5, 2024", 20240305.</summary>
    public static DateOnly? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        value = value.Trim();
        if (TryParseIso(value, out var iso))
        {
            return iso;
        }
        foreach (var pattern in (Regex[])[DayMonthYear(), MonthDayYear(), Compact()])
        {
            var match = pattern.Match(value);
            if (match.Success && TryCreate(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value, out var date))
            {
                return date;
            }
        }
        return null;
    }

    private static bool TryCreate(string year, string month, string day, out DateOnly date)
    {
        date = default;
        int y = int.Parse(year, CultureInfo.InvariantCulture);
        if (year.Length == 2)
        {
            // RFC 822 two-digit years, read as RFC 2822 says.
            y += y < 50 ? 2000 : 1900;
        }
        int m = char.IsAsciiDigit(month[0])
            ? int.Parse(month, CultureInfo.InvariantCulture)
            : Array.IndexOf(Months, month[..3].ToLowerInvariant()) + 1;
        int d = int.Parse(day, CultureInfo.InvariantCulture);
        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }
        date = new DateOnly(y, m, d);
        return true;
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2})([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<d>[0-9]{1,2})\s+(?<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?<y>[0-9]{4}|[0-9]{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?<d>[0-9]{1,2}),?\s+(?<y>[0-9]{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})$")]
    private static partial Regex Compact();
}
