using System.Text.Json.Serialization;

namespace Sitrep.Core.Annotations;

public static class DatePrecision
{
    public const string Day = "day";
    public const string Week = "week";
    public const string Month = "month";
    public const string Year = "year";
}

/// <summary>A date the text gives, resolved against the publication date.</summary>
public sealed class TimeExpression : ISpanned
{
    public string Text { get; init; } = "";

    public int Start { get; init; }

    public int End { get; init; }

    public DateOnly From { get; init; }

    public DateOnly To { get; init; }

    public string Precision { get; init; } = DatePrecision.Day;

    /// <summary>Names a time after publication ("next week", "will take effect on Sunday").</summary>
    public bool IsFuture { get; init; }

    [JsonIgnore]
    public TextSpan Span => new(Start, End);
}
