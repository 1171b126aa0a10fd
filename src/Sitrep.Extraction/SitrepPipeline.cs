using Sitrep.Core.Data;
using Sitrep.Core.Pipeline;
using Sitrep.Extraction.Actors;
using Sitrep.Extraction.Attribution;
using Sitrep.Extraction.Dates;
using Sitrep.Extraction.Events;
using Sitrep.Extraction.Figures;
using Sitrep.Extraction.Layout;
using Sitrep.Extraction.Lexical;
using Sitrep.Extraction.Places;
using Sitrep.Extraction.Segmentation;

namespace Sitrep.Extraction;

/// <summary>Everything the extraction components read: the gazetteer and the data/ dictionaries, loaded once.</summary>
public sealed class ExtractionResources
{
    public required Gazetteer.Gazetteer Gazetteer { get; init; }

    public required ActorDictionary Actors { get; init; }

    public required PlaceLexicon Places { get; init; }

    public required FigureLexicon Figures { get; init; }

    public required EventLexicon Events { get; init; }

    public required Abbreviations Abbreviations { get; init; }

    public required SpeakerLexicon Speakers { get; init; }

    public required Lexicon Lexicon { get; init; }

    public static ExtractionResources Load(Gazetteer.Gazetteer gazetteer, string? lexiconDirectory = null)
    {
        var lexicon = Lexicon.Load(lexiconDirectory ?? Lexicon.DefaultDirectory(),
            DataDirectory.File("lexicon", "inflections.tsv"), DataDirectory.File("lexicon", "function_words.tsv"));
        var actors = ActorDictionary.Load(DataDirectory.File("actors"));
        return new ExtractionResources
        {
            Gazetteer = gazetteer,
            Actors = actors,
            Places = PlaceLexicon.Load(DataDirectory.File("lexicon", "place_context.tsv"),
                // "US" and "U.S." are adjectives and names at once: as names they may be places.
                actors.Countries.Values.SelectMany(c => c.Demonyms.Where(d => !c.Aliases.Contains(d) && d != c.Name).Select(d => (d, c.Iso2)))),
            Figures = FigureLexicon.Load(DataDirectory.File("lexicon")),
            Events = EventLexicon.Load(DataDirectory.File("events", "triggers.tsv"), DataDirectory.File("events", "cues.tsv"), lexicon),
            Abbreviations = Abbreviations.Load(DataDirectory.File("lexicon", "abbreviations.tsv")),
            Speakers = SpeakerLexicon.Load(DataDirectory.File("lexicon", "speakers.tsv")),
            Lexicon = lexicon,
        };
    }
}

/// <summary>
/// The default pipeline: segment → lexical → clauses → dateline → places → actors → attribution → figures → dates
/// → (event classes, when a trained classifier is given) → events.
/// </summary>
public static class SitrepPipeline
{
    public static Pipeline Create(ExtractionResources r, IEventClassifier? classifier = null, CombinationPolicy? policy = null) => new(
    [
        new SentenceSegmenter(r.Abbreviations),
        new LexicalAnnotator(r.Lexicon),
        new ClauseSegmenter(r.Lexicon),
        new DatelineRecognizer(),
        new PlaceRecognizer(r.Gazetteer, r.Actors, r.Places),
        new ActorRecognizer(r.Actors),
        new AttributionRecognizer(r.Actors, r.Speakers, r.Lexicon),
        new CasualtyRecognizer(r.Figures, r.Places, r.Actors),
        new TimeRecognizer(),
        .. classifier is null ? Array.Empty<IAnnotator>() : [new EventClassAnnotator(r.Events, classifier)],
        new EventRecognizer(r.Events, r.Actors, classified: classifier is not null, policy),
    ]);

    /// <summary>Reading and segmenting only: what the throughput benchmark of the foundation measures.</summary>
    public static Pipeline CreateSegmentation(Abbreviations abbreviations) => new(
    [
        new SentenceSegmenter(abbreviations),
        new DatelineRecognizer(),
    ]);
}
