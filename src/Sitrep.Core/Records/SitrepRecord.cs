using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sitrep.Core.Annotations;

namespace Sitrep.Core.Records;

/// <summary>The <c>sitrep/1</c> record: the contract between extractor, store, exports and scorer.</summary>
public sealed class SitrepRecord
{
    public string Schema { get; init; } = "sitrep/1";

    public RecordDocument Document { get; init; } = new();

    public List<PlaceMention> Places { get; init; } = [];

    public List<ActorMention> Actors { get; init; } = [];

    public List<CasualtyReport> Casualties { get; init; } = [];

    public List<Statement> Statements { get; init; } = [];

    public List<Event> Events { get; init; } = [];

    public static SitrepRecord From(Document document) => new()
    {
        Document = new RecordDocument
        {
            Id = ContentId(document.Text),
            InputId = document.Metadata.InputId,
            Source = document.Metadata.Source,
            Title = document.Metadata.Title,
            Outlet = document.Metadata.Outlet,
            Published = document.Metadata.Published?.ToString("yyyy-MM-dd"),
            PublishedSource = document.Metadata.PublishedSource,
            Text = document.Text,
        },
        Places = document.Places,
        Actors = document.Actors,
        Casualties = document.Casualties,
        Statements = document.Statements,
        Events = document.Events,
    };

    public static string ContentId(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

public sealed class RecordDocument
{
    public string Id { get; init; } = "";

    public string InputId { get; init; } = "";

    public string Source { get; init; } = "";

    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public string? Published { get; init; }

    public string PublishedSource { get; init; } = "unknown";

    public string Text { get; init; } = "";
}

public static class RecordJson
{
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = indented,
        // Evidence text is quoted prose: keep quotes, dashes and non-Latin scripts readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(SitrepRecord record, bool indented) =>
        JsonSerializer.Serialize(record, indented ? Indented : Compact);

    /// <summary>The record as UTF-8 JSON straight into a stream: a long report's record is never one string in memory.</summary>
    public static void Write(Stream stream, SitrepRecord record, bool indented) =>
        JsonSerializer.Serialize(stream, record, indented ? Indented : Compact);

    public static SitrepRecord? Deserialize(string json) => JsonSerializer.Deserialize<SitrepRecord>(json, Indented);
}
