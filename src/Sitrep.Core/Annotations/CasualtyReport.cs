using System.Text.Json.Serialization;

namespace Sitrep.Core.Annotations;

public static class Qualifier
{
    public const string Exact = "exact";
    public const string AtLeast = "at_least";
    public const string AtMost = "at_most";
    public const string About = "about";
    public const string Range = "range";
    public const string Vague = "vague";
}

public sealed record Count(int Best, int Low, int? High, string Qualifier);

/// <summary>A figure of people killed, injured, displaced, detained, abducted or missing.</summary>
public sealed class CasualtyReport : ISpanned
{
    public string Text { get; init; } = "";

    public int Start { get; init; }

    public int End { get; init; }

    public string Outcome { get; init; } = "";

    public Count Count { get; init; } = new(0, 0, null, Qualifier.Exact);

    public string Victims { get; set; } = "people";

    public string? Perpetrator { get; set; }

    public string? Source { get; set; }

    /// <summary>event | aggregate</summary>
    public string Scope { get; set; } = "event";

    [JsonIgnore]
    public TextSpan Span => new(Start, End);

    /// <summary>Where the number itself sits (inside <see cref="Span"/>).</summary>
    [JsonIgnore]
    public TextSpan NumberSpan { get; init; }
}
