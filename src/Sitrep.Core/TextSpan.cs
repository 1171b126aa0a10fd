namespace Sitrep.Core;

/// <summary>A half-open range of UTF-16 code units in a document's cleaned text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public bool Covers(TextSpan other) => Start <= other.Start && other.End <= End;
}
