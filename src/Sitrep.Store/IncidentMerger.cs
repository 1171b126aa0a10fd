using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sitrep.Core.Annotations;

namespace Sitrep.Store;

/// <summary>
/// Groups the events that different reports tell of one incident. Two events are the same incident
/// when their types are compatible, their dates lie within a day, their places within 25 km (or are
/// the same named place) and their sides do not contradict each other; incidents are the connected
/// components of that relation. Input order never matters: events are sorted by key first, and an
/// incident's id comes from its smallest member key, so re-running gives the same ids.
/// </summary>
public static class IncidentMerger
{
    public const double NearKm = 25;

    public const int MaxDayGap = 1;

    /// <summary>
    /// Longer windows ("last month") cannot show two reports speak of one day, and one such event
    /// would chain distinct incidents of that month together.
    /// </summary>
    public const int MaxWindowDays = 7;

    private static readonly string[] CertaintyOrder = ["reported", "claimed", "unconfirmed", "denied"];

    public static List<Incident> Merge(IEnumerable<IncidentReport> reports)
    {
        var items = reports.Where(r => r.Event.Timeframe == "current")
            .DistinctBy(r => r.Key, StringComparer.Ordinal)
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var windows = items.Select(r => Window(r.Event)).ToArray();
        var sets = new DisjointSets(items.Count);
        var mergeable = Enumerable.Range(0, items.Count).Where(i => windows[i] is not null && Locatable(items[i].Event.Location));
        foreach (var block in mergeable.GroupBy(i => (items[i].Event.EventType, Family(items[i].Event.SubEventType))))
        {
            // Sweep by start date: only events that start within a day of another's end can match it.
            var order = block.OrderBy(i => windows[i]!.Value.Start).ThenBy(i => i).ToArray();
            for (int a = 0; a < order.Length; a++)
            {
                var reach = windows[order[a]]!.Value.End.AddDays(MaxDayGap);
                for (int b = a + 1; b < order.Length && windows[order[b]]!.Value.Start <= reach; b++)
                {
                    int x = order[a], y = order[b];
                    // Union-find makes a pair already joined through others a no-op: skip its test.
                    if (sets.Find(x) != sets.Find(y) && DayGap(windows[x]!.Value, windows[y]!.Value) <= MaxDayGap &&
                        SameIncident(items[x].Event, items[y].Event))
                    {
                        sets.Union(x, y);
                    }
                }
            }
        }
        return Enumerable.Range(0, items.Count)
            .GroupBy(sets.Find)
            .Select(g => Build(g.Select(i => items[i]).ToList()))
            .OrderBy(i => i.Date?.Start ?? "", StringComparer.Ordinal)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// With the dates within a day (the caller tests them on windows it computed once), the pairwise
    /// relation whose connected components are incidents.
    /// </summary>
    private static bool SameIncident(Event x, Event y) =>
        x.EventType == y.EventType && Family(x.SubEventType) == Family(y.SubEventType) &&
        SamePlace(x.Location, y.Location) && CompatibleSides(x, y);

    /// <summary>Sub-types one incident can be told as: a strike one outlet calls shelling, another an air raid.</summary>
    public static string Family(string subEventType) => subEventType switch
    {
        "armed_clash" or "government_regains_territory" or "non_state_actor_overtakes_territory" => "fighting",
        "air_drone_strike" or "shelling_artillery_missile_attack" or "chemical_weapon" => "remote_strike",
        "suicide_bomb" or "remote_explosive_landmine_ied" or "grenade" => "explosive_device",
        "peaceful_protest" or "protest_with_intervention" or "excessive_force_against_protesters" => "protest",
        "violent_demonstration" or "mob_violence" => "riot",
        _ => subEventType,
    };

    public static string IncidentId(string smallestKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(smallestKey)))[..16];

    private static bool Locatable(EventLocation? location) => location is not null && location.Kind != PlaceKind.Country;

    // A country's representative point says nothing about where in it two events happened.
    private static bool SamePlace(EventLocation? a, EventLocation? b) =>
        Locatable(a) && Locatable(b) &&
        (GeoDistance.Km(a!.Lat, a.Lon, b!.Lat, b.Lon) <= NearKm ||
         (a.Country == b.Country && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The same sides, the sides swapped, or sides a report does not know.</summary>
    private static bool CompatibleSides(Event x, Event y) =>
        (Fits(x.Actor1, y.Actor1) && Fits(x.Actor2, y.Actor2)) || (Fits(x.Actor1, y.Actor2) && Fits(x.Actor2, y.Actor1));

    private static bool Fits(Actor? a, Actor? b) =>
        IsUnknown(a) || IsUnknown(b) || string.Equals(a!.Name, b!.Name, StringComparison.OrdinalIgnoreCase);

    private static bool IsUnknown(Actor? actor) =>
        actor is null || actor.Name.StartsWith("Unidentified", StringComparison.OrdinalIgnoreCase);

    private static (DateOnly Start, DateOnly End)? Window(Event e)
    {
        if (e.Date is null ||
            !DateOnly.TryParseExact(e.Date.Start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ||
            !DateOnly.TryParseExact(e.Date.End, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) ||
            end < start || end.DayNumber - start.DayNumber + 1 > MaxWindowDays)
        {
            return null;
        }
        return (start, end);
    }

    private static int DayGap((DateOnly Start, DateOnly End) a, (DateOnly Start, DateOnly End) b) =>
        Math.Max(0, Math.Max(a.Start.DayNumber, b.Start.DayNumber) - Math.Min(a.End.DayNumber, b.End.DayNumber));

    private static Incident Build(List<IncidentReport> members)
    {
        // Members arrive sorted by key; the best-informed telling gives the incident's fields.
        var lead = members
            .OrderBy(m => (IsUnknown(m.Event.Actor1) ? 1 : 0) + (IsUnknown(m.Event.Actor2) ? 1 : 0))
            .ThenBy(m => m.Event.Location?.Precision ?? 9)
            .ThenBy(m => WindowDays(m.Event))
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .First().Event;
        var fatalities = Conservative(members.Select(m => m.Event).ToList());
        return new Incident
        {
            Id = IncidentId(members[0].Key),
            EventType = lead.EventType,
            SubEventType = lead.SubEventType,
            Date = lead.Date,
            Actor1 = lead.Actor1,
            Actor2 = lead.Actor2,
            AssocActor1 = lead.AssocActor1,
            AssocActor2 = lead.AssocActor2,
            Location = lead.Location,
            Fatalities = fatalities,
            Sources = members.SelectMany(m => m.Sources).Distinct().ToList(),
            Certainty = CertaintyOrder.FirstOrDefault(c => members.Any(m => m.Event.Certainty == c)) ?? lead.Certainty,
            Notes = IncidentNotes.For(lead, fatalities, members.Count),
            Reports = members,
        };
    }

    private static int WindowDays(Event e) => Window(e) is { } w ? w.End.DayNumber - w.Start.DayNumber : int.MaxValue;

    /// <summary>
    /// ACLED's rule: the lowest credible figure is the toll (a denied report is not credible unless
    /// all are denied); low and high keep the spread of what the reports say.
    /// </summary>
    private static Fatalities Conservative(IReadOnlyList<Event> events)
    {
        var credible = events.Where(e => e.Certainty != "denied").ToList();
        if (credible.Count == 0)
        {
            credible = [.. events];
        }
        var figures = events.Select(e => e.Fatalities).ToList();
        return new Fatalities(
            credible.Select(e => e.Fatalities.Best).Min(),
            figures.Select(f => f.Low ?? f.Best).Min(),
            figures.Select(f => f.High ?? f.Best).Max(),
            credible.Select(e => e.Fatalities.Civilians).Min());
    }

    private sealed class DisjointSets
    {
        private readonly int[] _parent;

        public DisjointSets(int count) => _parent = Enumerable.Range(0, count).ToArray();

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }
            return i;
        }

        // The smaller index (the smaller key) stays the root, so roots do not depend on union order.
        public void Union(int a, int b)
        {
            int ra = Find(a), rb = Find(b);
            if (ra != rb)
            {
                _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }
    }
}

/// <summary>One sentence in ACLED's style for an incident, with the toll the merged reports support.</summary>
internal static class IncidentNotes
{
    public static string For(Event lead, Fatalities fatalities, int reports)
    {
        var when = lead.Date is null ? "On an unknown date"
            : lead.Date.Start == lead.Date.End ? $"On {Day(lead.Date.Start)}"
            : $"Between {Day(lead.Date.Start)} and {Day(lead.Date.End)}";
        var who = lead.Actor1?.Name ?? "an unidentified actor";
        var against = lead.Actor2 is null ? "" : $" involving {lead.Actor2.Name}";
        var where = lead.Location is null ? "" : $" in {lead.Location.Name}" +
            (lead.Location.Admin1 is { } a && a != lead.Location.Name ? $" ({a})" : "");
        var toll = fatalities.Best is not int n ? "Casualties unknown."
            : fatalities.Low != fatalities.High && fatalities.High is not null ? $"{n} fatalities (reports give {fatalities.Low} to {fatalities.High})."
            : n == 1 ? "1 fatality." : $"{n} fatalities.";
        var told = reports == 1 ? "1 report" : $"{reports} reports";
        var what = Export.AcledCsv.SubEventTypeNames.GetValueOrDefault(lead.SubEventType, lead.SubEventType.Replace('_', ' '));
        return $"{when}, {who}: {char.ToLowerInvariant(what[0])}{what[1..]}{against}{where}. {toll} [{told}]";
    }

    private static string Day(string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : iso;
}
