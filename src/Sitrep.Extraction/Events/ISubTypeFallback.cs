namespace Sitrep.Extraction.Events;

/// <summary>A second opinion on the sub-event type when the trigger rules are not confident.</summary>
public interface ISubTypeFallback
{
    /// <summary>A sub-type of <paramref name="eventType"/> for the sentence, or null to keep the rules' choice.</summary>
    string? Choose(string sentence, string eventType);
}
