using Sitrep.Core.Annotations;

namespace Sitrep.Core;

/// <summary>
/// One report: the cleaned text that owns every offset, plus one layer of annotation per
/// pipeline component. Spans are (start, end) views into <see cref="Text"/>, never copies.
/// </summary>
public sealed class Document
{
    public Document(string text, DocumentMetadata metadata)
    {
        Text = text;
        Metadata = metadata;
    }

    public string Text { get; }

    public DocumentMetadata Metadata { get; }

    /// <summary>Regions of the text that are layout, not prose (photo captions and credits).</summary>
    public List<Caption> Captions { get; } = [];

    public Dateline? Dateline { get; set; }

    public List<Sentence> Sentences { get; } = [];

    public List<Token> Tokens { get; } = [];

    /// <summary>The lexical layer: one entry per token.</summary>
    public List<Lexeme> Lexemes { get; } = [];

    /// <summary>Clauses in text order; every token of a sentence is in exactly one.</summary>
    public List<Clause> Clauses { get; } = [];

    /// <summary>The clause that holds a token (clauses are in token order).</summary>
    public Clause? ClauseOf(int token)
    {
        int lo = 0, hi = Clauses.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            var c = Clauses[mid];
            if (token < c.FirstToken)
            {
                hi = mid - 1;
            }
            else if (token > c.LastToken)
            {
                lo = mid + 1;
            }
            else
            {
                return c;
            }
        }
        return null;
    }

    public List<PlaceMention> Places { get; } = [];

    public List<ActorMention> Actors { get; } = [];

    public List<CasualtyReport> Casualties { get; } = [];

    public List<Statement> Statements { get; } = [];

    public List<TimeExpression> Times { get; } = [];

    public List<Attribution> Attributions { get; } = [];

    public List<EventClass> EventClasses { get; } = [];

    public List<Event> Events { get; } = [];

    /// <summary>Country the story is about, decided by the place layer (ISO alpha-2).</summary>
    public string? FocusCountry { get; set; }

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);

    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

    /// <summary>
    /// One copy of a string that the layers keep many times (a word per token, a place's name per
    /// mention): a long report repeats a few thousand words millions of times.
    /// </summary>
    public string Shared(string value)
    {
        if (_shared.TryGetValue(value, out var shared))
        {
            return shared;
        }
        _shared[value] = value;
        return value;
    }

    /// <summary>The text of a span, as one shared copy.</summary>
    public string SharedSlice(TextSpan span) => Shared(Slice(span));

    public Sentence? SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            var s = Sentences[mid];
            if (offset < s.Span.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= s.Span.End)
            {
                lo = mid + 1;
            }
            else
            {
                return s;
            }
        }
        return null;
    }

    public bool InCaption(int offset) => Captions.Any(c => c.Span.Contains(offset));

    /// <summary>The first token that starts at or after an offset (Tokens.Count if none; tokens are in text order).</summary>
    public int FirstTokenFrom(int offset)
    {
        int lo = 0, hi = Tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (Tokens[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>The token that starts exactly at an offset, or -1 (tokens are in text order).</summary>
    public int TokenStartingAt(int offset)
    {
        int k = FirstTokenFrom(offset);
        return k < Tokens.Count && Tokens[k].Start == offset ? k : -1;
    }

    // Indexes of layers, by layer; a layer is rebuilt when it has grown since (components add to their own layer only).
    private readonly Dictionary<object, (int Count, SpanIndex Index)> _indexes = new(ReferenceEqualityComparer.Instance);

    /// <summary>The offset index of one layer of this document, built on first use.</summary>
    public SpanIndex IndexOf<T>(List<T> layer) where T : ISpanned
    {
        if (!_indexes.TryGetValue(layer, out var cached) || cached.Count != layer.Count)
        {
            cached = (layer.Count, new SpanIndex(layer.Select(x => x.Span)));
            _indexes[layer] = cached;
        }
        return cached.Index;
    }

    /// <summary>The annotations of one layer that lie inside a window (a sentence, a clause), in the layer's order.</summary>
    public IEnumerable<T> Within<T>(List<T> layer, TextSpan window) where T : ISpanned =>
        IndexOf(layer).Within(window).Select(i => layer[i]);

    private readonly Dictionary<string, object?> _derived = new(StringComparer.Ordinal);

    /// <summary>
    /// A value a component derives from finished layers and asks for again and again (per sentence,
    /// per event), computed once per document.
    /// </summary>
    public T Derived<T>(string name, Func<Document, T> compute)
    {
        if (!_derived.TryGetValue(name, out var value))
        {
            value = compute(this);
            _derived[name] = value;
        }
        return (T)value!;
    }
}

public sealed class DocumentMetadata
{
    public string InputId { get; init; } = "";

    public string Source { get; init; } = "";

    public string? Title { get; set; }

    public string? Outlet { get; set; }

    public DateOnly? Published { get; set; }

    /// <summary>metadata | text | option | unknown</summary>
    public string PublishedSource { get; set; } = "unknown";
}
