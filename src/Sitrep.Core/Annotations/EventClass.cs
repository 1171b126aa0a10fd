namespace Sitrep.Core.Annotations;

/// <summary>
/// The trained classifier's reading of one sentence: an ACLED sub-event type or
/// <see cref="None"/>, with the probability it gave that label.
/// </summary>
public sealed record EventClass(int SentenceIndex, string Label, float Confidence)
{
    public const string None = "none";
}

/// <summary>Which part of the extractor chose an event's sub-type.</summary>
public static class DecidedBy
{
    public const string Rules = "rules";
    public const string Classifier = "classifier";
    public const string Both = "rules+classifier";
}
