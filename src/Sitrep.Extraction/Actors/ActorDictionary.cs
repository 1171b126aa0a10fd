using Sitrep.Core.Annotations;
using Sitrep.Core.Data;
using Sitrep.Extraction.Matching;

namespace Sitrep.Extraction.Actors;

/// <summary>A country as actors and metonyms use it.</summary>
public sealed record CountryInfo(string Iso2, string Name, string AcledName, IReadOnlyList<string> Demonyms,
    IReadOnlyList<string> Seats, IReadOnlyList<string> Aliases);

/// <summary>What a dictionary phrase names: an actor, a reporting source, or a generic role.</summary>
public abstract record ActorEntry;

public sealed record NamedActor(Actor Actor, string Role) : ActorEntry;

/// <summary>A phrase that names a country's government by metonymy ("the Kremlin", "Kyiv", "Russia").</summary>
public sealed record Metonym(string Country, bool IsSeat) : ActorEntry;

public sealed record ReportingSource(string Name, string Kind, string? Country) : ActorEntry;

public sealed record GenericActor(string Role, string Type) : ActorEntry;

/// <summary>
/// The actor dictionary of data/actors: state actors generated for every country from templates,
/// named non-state groups, generic phrases resolved by context, and reporting sources (agencies,
/// monitors, ministries), which are kept apart so they never become combatants.
/// </summary>
public sealed class ActorDictionary
{
    public static readonly IReadOnlySet<string> Roles = new HashSet<string>
    {
        "military", "police", "government", "rebels", "unidentified", "civilians", "protesters", "rioters", "militia",
    };

    private readonly Dictionary<string, CountryInfo> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Role, string Country), Actor> _stateActors = [];

    public PhraseIndex<ActorEntry> Phrases { get; } = new();

    public IReadOnlyDictionary<string, CountryInfo> Countries => _countries;

    public int NamedGroupCount { get; private set; }

    public int SourceCount { get; private set; }

    public static ActorDictionary Load(string directory)
    {
        var dictionary = new ActorDictionary();
        dictionary.LoadCountries(Path.Combine(directory, "countries.tsv"));
        dictionary.LoadTemplates(Path.Combine(directory, "state_templates.tsv"));
        dictionary.LoadGroups(Path.Combine(directory, "groups.tsv"));
        dictionary.LoadSources(Path.Combine(directory, "sources.tsv"));
        dictionary.LoadGeneric(Path.Combine(directory, "generic.tsv"));
        return dictionary;
    }

    /// <summary>The state actor for a role in a country ("military", "SY" → Military Forces of Syria).</summary>
    public Actor? StateActor(string role, string? country) =>
        country is not null && _stateActors.TryGetValue((role, country), out var actor) ? actor : null;

    public CountryInfo? Country(string? iso2) => iso2 is not null && _countries.TryGetValue(iso2, out var c) ? c : null;

    private void LoadCountries(string path)
    {
        foreach (var row in Tsv.Read(path, "iso2", "name", "acled_name"))
        {
            var iso = row["iso2"];
            if (iso.Length != 2 || !iso.All(char.IsAsciiLetterUpper))
            {
                throw row.Error($"iso2 '{iso}' is not an ISO 3166-1 alpha-2 code");
            }
            var info = new CountryInfo(iso, row["name"], row["acled_name"], row.List("demonyms"), row.List("seats"), row.List("aliases"));
            if (!_countries.TryAdd(iso, info))
            {
                throw row.Error($"country {iso} is listed twice");
            }
            foreach (var name in info.Aliases.Append(info.Name))
            {
                Phrases.Add(name, new Metonym(iso, IsSeat: false));
            }
            foreach (var seat in info.Seats)
            {
                Phrases.Add(seat, new Metonym(iso, IsSeat: true));
            }
        }
    }

    private void LoadTemplates(string path)
    {
        foreach (var row in Tsv.Read(path, "role", "type", "name_template"))
        {
            var role = row["role"];
            var type = row["type"];
            if (!Roles.Contains(role) || !ActorType.All.Contains(type))
            {
                throw row.Error($"unknown role '{role}' or actor type '{type}'");
            }
            foreach (var country in _countries.Values)
            {
                var name = Fill(row["name_template"], country, country.Name);
                var actor = new Actor(name, type, country.Iso2);
                _stateActors[(role, country.Iso2)] = actor;
                var entry = new NamedActor(actor, role);
                Phrases.Add(name, entry);
                foreach (var template in row.List("phrases"))
                {
                    foreach (var phrase in Expand(template, country))
                    {
                        Phrases.Add(phrase, entry);
                    }
                }
            }
        }
    }

    private void LoadGroups(string path)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Tsv.Read(path, "name", "type"))
        {
            var type = row["type"];
            if (!ActorType.All.Contains(type))
            {
                throw row.Error($"unknown actor type '{type}'");
            }
            if (!seen.Add(row["name"]))
            {
                throw row.Error($"group '{row["name"]}' is listed twice");
            }
            var country = row.Optional("country");
            if (country is not null && !_countries.ContainsKey(country))
            {
                throw row.Error($"unknown country '{country}'");
            }
            var entry = new NamedActor(new Actor(row["name"], type, country), "group");
            Phrases.Add(row["name"], entry);
            foreach (var alias in row.List("aliases"))
            {
                Phrases.Add(alias, entry);
            }
            NamedGroupCount++;
        }
    }

    private void LoadSources(string path)
    {
        foreach (var row in Tsv.Read(path, "name", "kind"))
        {
            var entry = new ReportingSource(row["name"], row["kind"], row.Optional("country"));
            Phrases.Add(row["name"], entry);
            foreach (var alias in row.List("aliases"))
            {
                Phrases.Add(alias, entry);
            }
            SourceCount++;
        }
    }

    private void LoadGeneric(string path)
    {
        foreach (var row in Tsv.Read(path, "phrase", "role", "type"))
        {
            if (!Roles.Contains(row["role"]) || !ActorType.All.Contains(row["type"]))
            {
                throw row.Error($"unknown role '{row["role"]}' or type '{row["type"]}'");
            }
            Phrases.Add(row["phrase"], new GenericActor(row["role"], row["type"]));
        }
    }

    private static string Fill(string template, CountryInfo country, string name) =>
        template.Replace("{country}", country.AcledName).Replace("{name}", name);

    private static IEnumerable<string> Expand(string template, CountryInfo country)
    {
        var names = country.Aliases.Where(a => a.Length > 3).Prepend(country.Name);
        var withName = template.Contains("{name}") ? names.Select(n => template.Replace("{name}", n)) : [template];
        foreach (var t in withName)
        {
            if (t.Contains("{demonym}"))
            {
                foreach (var demonym in country.Demonyms)
                {
                    yield return Fill(t.Replace("{demonym}", demonym), country, country.Name);
                }
            }
            else
            {
                yield return Fill(t, country, country.Name);
            }
        }
    }
}
