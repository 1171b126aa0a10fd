namespace Sitrep.Core.Annotations;

/// <summary>Coarse part of speech (universal-dependencies style), from the lexical layer.</summary>
public enum PartOfSpeech
{
    Other,
    Noun,
    ProperNoun,
    Verb,
    Auxiliary,
    Adjective,
    Adverb,
    Adposition,
    Determiner,
    Pronoun,
    Numeral,
    Conjunction,
    Particle,
    Punctuation,
    Symbol,
}

[Flags]
public enum LexicalFlags
{
    None = 0,
    TitleCase = 1,
    AllCaps = 2,
    Number = 4,
    InQuote = 8,
    SentenceStart = 16,
}

/// <summary>
/// What the lexical layer knows of one token, parallel to <see cref="Document.Tokens"/>: the
/// lower form, the lemma for its part of speech, the Penn tag it was given, and <see cref="Base"/>,
/// the context-free lemma that phrase patterns are matched on (so "shot", "shoots" and "shooting"
/// all match a pattern written "shoot").
/// </summary>
public readonly record struct Lexeme(string Lower, string Lemma, string Base, PartOfSpeech Pos, string Tag, LexicalFlags Flags)
{
    public bool Is(LexicalFlags flag) => (Flags & flag) != 0;

    public bool IsVerbal => Pos is PartOfSpeech.Verb or PartOfSpeech.Auxiliary;
}
