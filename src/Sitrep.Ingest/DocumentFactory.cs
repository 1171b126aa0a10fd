using Sitrep.Core;
using Sitrep.Ingest.Cleaning;

namespace Sitrep.Ingest;

/// <summary>Turns what a reader found into a <see cref="Document"/> with cleaned text and captions.</summary>
public sealed class DocumentFactory
{
    private readonly TextCleaner _cleaner;
    private readonly DateOnly? _defaultPublished;

    public DocumentFactory(TextCleaner cleaner, DateOnly? defaultPublished = null)
    {
        _cleaner = cleaner;
        _defaultPublished = defaultPublished;
    }

    public Document Create(RawReport report)
    {
        var cleaned = _cleaner.Clean(report.Text, report.FromPdfLayout);
        var metadata = new DocumentMetadata
        {
            InputId = report.InputId,
            Source = report.Source,
            Title = report.Title,
            Outlet = report.Outlet,
            Published = report.Published ?? _defaultPublished,
            PublishedSource = report.Published is not null ? "metadata" : _defaultPublished is not null ? "option" : "unknown",
        };
        var document = new Document(cleaned.Text, metadata);
        document.Captions.AddRange(cleaned.Captions);
        return document;
    }
}
