using System.Text.Json.Serialization;

namespace Sitrep.Core.Annotations;

public static class EventTaxonomy
{
    public static readonly IReadOnlyDictionary<string, string[]> SubTypes = new Dictionary<string, string[]>
    {
        ["battles"] = ["armed_clash", "government_regains_territory", "non_state_actor_overtakes_territory"],
        ["explosions_remote_violence"] =
        [
            "chemical_weapon", "air_drone_strike", "suicide_bomb", "shelling_artillery_missile_attack",
            "remote_explosive_landmine_ied", "grenade",
        ],
        ["violence_against_civilians"] = ["sexual_violence", "attack", "abduction_forced_disappearance"],
        ["protests"] = ["peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters"],
        ["riots"] = ["violent_demonstration", "mob_violence"],
        ["strategic_developments"] =
        [
            "agreement", "arrests", "change_to_group_activity", "disrupted_weapons_use",
            "headquarters_or_base_established", "looting_property_destruction",
            "non_violent_transfer_of_territory", "other",
        ],
    };

    public static string? EventTypeOf(string subType) =>
        SubTypes.FirstOrDefault(kv => kv.Value.Contains(subType)).Key;
}

public sealed record EventDate(string Start, string End, string Precision, string? Text);

public sealed record EventLocation(
    string Name, string Kind, string? Country, string? Admin1, double Lat, double Lon, int Precision);

public sealed record Fatalities(int? Best, int? Low, int? High, int? Civilians)
{
    public static readonly Fatalities None = new(null, null, null, null);
}

public sealed record Evidence(int Start, int End);

public sealed class Event
{
    public string Id { get; set; } = "";

    public string EventType { get; set; } = "";

    public string SubEventType { get; set; } = "";

    public EventDate? Date { get; set; }

    public Actor? Actor1 { get; set; }

    public Actor? Actor2 { get; set; }

    public List<Actor> AssocActor1 { get; set; } = [];

    public List<Actor> AssocActor2 { get; set; } = [];

    public EventLocation? Location { get; set; }

    public Fatalities Fatalities { get; set; } = Fatalities.None;

    public List<string> Sources { get; set; } = [];

    /// <summary>reported | claimed | unconfirmed | denied</summary>
    public string Certainty { get; set; } = "reported";

    /// <summary>current | background</summary>
    public string Timeframe { get; set; } = "current";

    public List<Evidence> Evidence { get; set; } = [];

    public string Notes { get; set; } = "";

    /// <summary>Who chose the sub-type: rules, classifier or rules+classifier (they agreed).</summary>
    public string DecidedBy { get; set; } = Annotations.DecidedBy.Rules;

    [JsonIgnore]
    public int SentenceIndex { get; set; }

    /// <summary>Told inside a quotation: a party's own words about the incident.</summary>
    [JsonIgnore]
    public bool FromQuote { get; set; }
}
