namespace Sitrep.Store;

/// <summary>A point and radius: "within KM of LAT,LON".</summary>
public sealed record GeoCircle(double Lat, double Lon, double Km)
{
    public bool Contains(double lat, double lon) => GeoDistance.Km(Lat, Lon, lat, lon) <= Km;
}

/// <summary>Filters over incidents; every null filter matches everything.</summary>
public sealed record IncidentQuery
{
    public static readonly IncidentQuery All = new();

    /// <summary>ISO 3166-1 alpha-2 of the incident's location.</summary>
    public string? Country { get; init; }

    /// <summary>The incident's date window ends on or after this day.</summary>
    public DateOnly? Since { get; init; }

    /// <summary>The incident's date window starts on or before this day.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>An event type or a sub-event type (snake_case, as in the record).</summary>
    public string? Type { get; init; }

    /// <summary>Part of a side's name, any case: "hts" finds nothing, "tahrir" finds Hayat Tahrir al-Sham.</summary>
    public string? Actor { get; init; }

    public GeoCircle? Near { get; init; }

    public int? Limit { get; init; }

    public bool IsEmpty => this == All;
}

public static class GeoDistance
{
    private const double EarthRadiusKm = 6371.0;

    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        double p1 = lat1 * Math.PI / 180, p2 = lat2 * Math.PI / 180;
        double dp = p2 - p1, dl = (lon2 - lon1) * Math.PI / 180;
        double h = Math.Sin(dp / 2) * Math.Sin(dp / 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
    }

    /// <summary>Degrees of latitude and longitude that a circle spans, for an index-friendly bounding box.</summary>
    public static (double DLat, double DLon) Box(GeoCircle circle)
    {
        // A degree of latitude is at least 110.5 km; longitude degrees shrink towards the pole, so
        // take the circle's edge nearest the pole.
        double dLat = circle.Km / 110.5;
        double cos = Math.Cos(Math.Min(90, Math.Abs(circle.Lat) + dLat) * Math.PI / 180);
        double dLon = cos < 0.01 ? 180 : Math.Min(180, circle.Km / (111.32 * cos));
        return (dLat, dLon);
    }
}
