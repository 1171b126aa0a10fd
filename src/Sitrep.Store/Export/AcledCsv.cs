using System.Globalization;
using Sitrep.Core.Annotations;

namespace Sitrep.Store.Export;

/// <summary>Incidents as rows of ACLED's export: its columns, in its order, with its names and codes.</summary>
public static class AcledCsv
{
    public static readonly string[] Columns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    public static readonly IReadOnlyDictionary<string, string> EventTypeNames = new Dictionary<string, string>
    {
        ["battles"] = "Battles",
        ["explosions_remote_violence"] = "Explosions/Remote violence",
        ["violence_against_civilians"] = "Violence against civilians",
        ["protests"] = "Protests",
        ["riots"] = "Riots",
        ["strategic_developments"] = "Strategic developments",
    };

    public static readonly IReadOnlyDictionary<string, string> SubEventTypeNames = new Dictionary<string, string>
    {
        ["armed_clash"] = "Armed clash",
        ["government_regains_territory"] = "Government regains territory",
        ["non_state_actor_overtakes_territory"] = "Non-state actor overtakes territory",
        ["chemical_weapon"] = "Chemical weapon",
        ["air_drone_strike"] = "Air/drone strike",
        ["suicide_bomb"] = "Suicide bomb",
        ["shelling_artillery_missile_attack"] = "Shelling/artillery/missile attack",
        ["remote_explosive_landmine_ied"] = "Remote explosive/landmine/IED",
        ["grenade"] = "Grenade",
        ["sexual_violence"] = "Sexual violence",
        ["attack"] = "Attack",
        ["abduction_forced_disappearance"] = "Abduction/forced disappearance",
        ["peaceful_protest"] = "Peaceful protest",
        ["protest_with_intervention"] = "Protest with intervention",
        ["excessive_force_against_protesters"] = "Excessive force against protesters",
        ["violent_demonstration"] = "Violent demonstration",
        ["mob_violence"] = "Mob violence",
        ["agreement"] = "Agreement",
        ["arrests"] = "Arrests",
        ["change_to_group_activity"] = "Change to group/activity",
        ["disrupted_weapons_use"] = "Disrupted weapons use",
        ["headquarters_or_base_established"] = "Headquarters or base established",
        ["looting_property_destruction"] = "Looting/property destruction",
        ["non_violent_transfer_of_territory"] = "Non-violent transfer of territory",
        ["other"] = "Other",
    };

    /// <summary>ACLED's inter codes: 1 state forces ... 8 external/other forces; 0 for no actor.</summary>
    public static int InterCode(Actor? actor) => actor?.Type switch
    {
        ActorType.StateForces => 1,
        ActorType.RebelGroup => 2,
        ActorType.PoliticalMilitia => 3,
        ActorType.IdentityMilitia => 4,
        ActorType.Rioters => 5,
        ActorType.Protesters => 6,
        ActorType.Civilians => 7,
        ActorType.ExternalForces => 8,
        _ => 0,
    };

    /// <summary>Two digits, the lower code first; a sole actor's code is followed by 0 ("60": protesters alone).</summary>
    public static int Interaction(int inter1, int inter2) =>
        inter2 == 0 ? inter1 * 10 : Math.Min(inter1, inter2) * 10 + Math.Max(inter1, inter2);

    public static string DisorderType(string eventType, string subEventType) => eventType switch
    {
        "battles" or "explosions_remote_violence" or "violence_against_civilians" => "Political violence",
        "protests" when subEventType == "excessive_force_against_protesters" => "Political violence; Demonstrations",
        "protests" or "riots" => "Demonstrations",
        _ => "Strategic developments",
    };

    public static int TimePrecision(string? precision) => precision switch
    {
        DatePrecision.Day => 1,
        DatePrecision.Week => 2,
        _ => 3,
    };

    public static void Write(TextWriter writer, IEnumerable<Incident> incidents, Countries countries)
    {
        WriteRow(writer, Columns);
        foreach (var incident in incidents)
        {
            WriteRow(writer, Row(incident, countries));
        }
    }

    public static string[] Row(Incident incident, Countries countries)
    {
        static string Number(double value) => value.ToString("0.0####", CultureInfo.InvariantCulture);
        static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
        static string Names(IEnumerable<Actor> actors) => string.Join("; ", actors.Select(a => a.Name));

        var location = incident.Location;
        var country = countries[location?.Country];
        int inter1 = InterCode(incident.Actor1), inter2 = InterCode(incident.Actor2);
        var date = incident.Date?.Start ?? "";
        // ACLED cites outlets and the named sources they quote.
        var sources = incident.Reports.Select(r => r.Document.Outlet).OfType<string>().Concat(incident.Sources).Distinct();
        return
        [
            (country?.Iso3 ?? "") + incident.Id,
            date,
            date.Length >= 4 ? date[..4] : "",
            Int(TimePrecision(incident.Date?.Precision)),
            DisorderType(incident.EventType, incident.SubEventType),
            EventTypeNames.GetValueOrDefault(incident.EventType, incident.EventType),
            SubEventTypeNames.GetValueOrDefault(incident.SubEventType, incident.SubEventType),
            incident.Actor1?.Name ?? "",
            Names(incident.AssocActor1),
            Int(inter1),
            incident.Actor2?.Name ?? "",
            Names(incident.AssocActor2),
            Int(inter2),
            Int(Interaction(inter1, inter2)),
            incident.Actor2?.Type == ActorType.Civilians ? "Civilian targeting" : "",
            country is null ? "" : Int(country.Numeric),
            country?.Region ?? "",
            country?.Name ?? location?.Country ?? "",
            location?.Admin1 ?? "",
            "",
            "",
            location?.Name ?? "",
            location is null ? "" : Number(location.Lat),
            location is null ? "" : Number(location.Lon),
            location is null ? "" : Int(location.Precision),
            string.Join("; ", sources),
            "",
            incident.Notes,
            Int(incident.Fatalities.Best ?? 0),
            "",
            Int(incident.UpdatedAt),
        ];
    }

    /// <summary>RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    public static void WriteRow(TextWriter writer, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(field.Replace("\"", "\"\""));
                writer.Write('"');
            }
            else
            {
                writer.Write(field);
            }
        }
        writer.Write("\r\n");
    }
}
