namespace Sitrep.Core.Annotations;

/// <summary>
/// A clause of a sentence: tokens from <see cref="FirstToken"/> on. Negation, tense, accusation and
/// aggregate scope hold inside their clause only.
/// </summary>
public sealed record Clause(int Index, int SentenceIndex, int FirstToken, int TokenCount, TextSpan Span)
{
    public int LastToken => FirstToken + TokenCount - 1;

    public bool Contains(int token) => token >= FirstToken && token <= LastToken;
}
