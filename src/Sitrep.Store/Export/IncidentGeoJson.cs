using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sitrep.Store.Export;

/// <summary>Incidents as a GeoJSON FeatureCollection: a point per incident, its ACLED-style fields as properties.</summary>
public static class IncidentGeoJson
{
    public static void Write(Stream stream, IEnumerable<Incident> incidents)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var incident in incidents)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", incident.Id);
            if (incident.Location is { } location)
            {
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(location.Lon);
                json.WriteNumberValue(location.Lat);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                // GeoJSON's way to say "not located".
                json.WriteNull("geometry");
            }
            json.WriteStartObject("properties");
            json.WriteString("event_type", incident.EventType);
            json.WriteString("sub_event_type", incident.SubEventType);
            json.WriteString("date_start", incident.Date?.Start);
            json.WriteString("date_end", incident.Date?.End);
            json.WriteString("actor1", incident.Actor1?.Name);
            json.WriteString("actor2", incident.Actor2?.Name);
            json.WriteString("location", incident.Location?.Name);
            json.WriteString("country", incident.Location?.Country);
            json.WriteString("admin1", incident.Location?.Admin1);
            Number(json, "geo_precision", incident.Location?.Precision);
            Number(json, "fatalities", incident.Fatalities.Best);
            Number(json, "fatalities_low", incident.Fatalities.Low);
            Number(json, "fatalities_high", incident.Fatalities.High);
            json.WriteNumber("reports", incident.Reports.Count);
            json.WriteStartArray("outlets");
            foreach (var outlet in incident.Reports.Select(r => r.Document.Outlet).OfType<string>().Distinct())
            {
                json.WriteStringValue(outlet);
            }
            json.WriteEndArray();
            json.WriteString("notes", incident.Notes);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is int v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
