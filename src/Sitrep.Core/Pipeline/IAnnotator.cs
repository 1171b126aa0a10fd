namespace Sitrep.Core.Pipeline;

/// <summary>
/// One pipeline component: reads the layers it requires and adds the layers it provides,
/// in place, on one document. Components are pure functions of the document and their data.
/// </summary>
public interface IAnnotator
{
    string Name { get; }

    IReadOnlyList<string> Requires { get; }

    IReadOnlyList<string> Provides { get; }

    void Annotate(Document document);
}

/// <summary>Names of the annotation layers, so requirements are checked rather than remembered.</summary>
public static class Layers
{
    public const string Dateline = "dateline";
    public const string Sentences = "sentences";
    public const string Tokens = "tokens";
    public const string Lexemes = "lexemes";
    public const string Clauses = "clauses";
    public const string Places = "places";
    public const string Actors = "actors";
    public const string Casualties = "casualties";
    public const string Times = "times";
    public const string Attributions = "attributions";
    public const string Statements = "statements";
    public const string EventClasses = "event_classes";
    public const string Events = "events";
}
