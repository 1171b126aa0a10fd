namespace Sitrep.Core.Annotations;

public enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Symbol,
}

public readonly record struct Token(TextSpan Span, TokenKind Kind, int SentenceIndex)
{
    public int Start => Span.Start;

    public int End => Span.End;
}

public sealed record Sentence(int Index, TextSpan Span, int FirstToken, int TokenCount)
{
    public int Start => Span.Start;

    public int End => Span.End;
}

/// <summary>A photo caption with its (often truncated) credit; kept in the text, never mined.</summary>
public sealed record Caption(TextSpan Span, TextSpan? Credit);

/// <summary>"KHARTOUM, Sudan (AP) —": where the report was filed and who filed it.</summary>
public sealed record Dateline(TextSpan Span, TextSpan PlaceSpan, string Place, string? Country, string? Outlet);
