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
    bool FromPdfLayout = false);

/// <summary>One item a reader produced: a report, or a failure naming the input (and line).</summary>
public abstract record ReadOutcome(string Input);

public sealed record ReportRead(RawReport Report) : ReadOutcome(Report.Source);

public sealed record ReadFailure(string Input, int? Line, string Message) : ReadOutcome(Input)
{
    public override string ToString() => Line is int line ? $"{Input}:{line}: {Message}" : $"{Input}: {Message}";
}
