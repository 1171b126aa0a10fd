namespace Sitrep.Ingest;

/// <summary>
/// A report as a reader found it: plain text (HTML, PDF and feeds already reduced to
/// paragraphs separated by blank lines) and whatever metadata the container carried.
/// </summary>
public sealed record RawReport(
    string InputId,
    string Source,
    string Text,
    string? Title = null,
    string? Outlet = null,
    DateOnly? Published = null,
    bool FromPdfLayout = false,
    int? Line = null)
{
    /// <summary>The file or stream the report came from, when it differs from <see cref="Source"/> (a batch line with its own URL).</summary>
    public string? Input { get; init; }

    /// <summary>What the reader had to change to read the report (one line each, without the input's name), for the user to be told.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Where an error about this report points: the input, its line in a batch, and the report's id.</summary>
    public string Where => Line is int line ? $"{Input ?? Source}:{line} (id {InputId})" : $"{Input ?? Source} (id {InputId})";
}

/// <summary>One item a reader produced: a report, or a failure naming the input (and line).</summary>
public abstract record ReadOutcome(string Input);

public sealed record ReportRead(RawReport Report) : ReadOutcome(Report.Source);

public sealed record ReadFailure(string Input, int? Line, string Message) : ReadOutcome(Input)
{
    public override string ToString() => Line is int line ? $"{Input}:{line}: {Message}" : $"{Input}: {Message}";
}
