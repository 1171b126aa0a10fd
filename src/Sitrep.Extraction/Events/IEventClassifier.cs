namespace Sitrep.Extraction.Events;

/// <summary>A learned reading of passages as ACLED sub-event types or "none".</summary>
public interface IEventClassifier
{
    /// <summary>One (label, probability) per passage, in order; passages are scored as one batch.</summary>
    IReadOnlyList<(string Label, float Confidence)> Classify(IReadOnlyList<string> passages);
}
