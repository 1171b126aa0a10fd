using System.Text.Json.Serialization;

namespace Sitrep.Core.Annotations;

public sealed class Statement : ISpanned
{
    public string Speaker { get; init; } = "";

    public string? Role { get; init; }

    public string? Organization { get; init; }

    public string? Country { get; init; }

    /// <summary>direct | indirect</summary>
    public string Kind { get; init; } = "indirect";

    public string Text { get; init; } = "";

    public int Start { get; init; }

    public int End { get; init; }

    [JsonIgnore]
    public TextSpan Span => new(Start, End);
}

/// <summary>"according to X", "X reported": who vouches for the sentence's facts.</summary>
public sealed record Attribution(TextSpan Span, TextSpan SourceSpan, string Source, int SentenceIndex, bool IsSpeaker) : ISpanned;
