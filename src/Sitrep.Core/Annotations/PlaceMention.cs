using System.Text.Json.Serialization;

namespace Sitrep.Core.Annotations;

public static class PlaceKind
{
    public const string Country = "country";
    public const string Admin1 = "admin1";
    public const string Admin2 = "admin2";
    public const string PopulatedPlace = "populated_place";
    public const string District = "district";
    public const string Region = "region";
    public const string Feature = "feature";
}

/// <summary>A place the text uses as a location, resolved to a gazetteer entry.</summary>
public sealed class PlaceMention : ISpanned
{
    public string Text { get; init; } = "";

    public int Start { get; init; }

    public int End { get; init; }

    public string Name { get; init; } = "";

    public string Kind { get; init; } = PlaceKind.PopulatedPlace;

    public string? Country { get; init; }

    public string? Admin1 { get; init; }

    public double Lat { get; init; }

    public double Lon { get; init; }

    public long? GeonamesId { get; init; }

    public double Confidence { get; init; }

    [JsonIgnore]
    public TextSpan Span => new(Start, End);

    /// <summary>Why the resolver chose this entry (shown by --explain).</summary>
    [JsonIgnore]
    public string? Explanation { get; init; }
}
