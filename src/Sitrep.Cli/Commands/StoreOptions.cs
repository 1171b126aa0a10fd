using System.CommandLine;
using System.Globalization;
using Sitrep.Core.Annotations;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

/// <summary>--db and the incident filters that events, stats and export share.</summary>
internal sealed class StoreOptions
{
    public Option<string?> Db { get; } = new("--db")
    {
        Description = $"SQLite file (default {SqliteEventStore.DefaultPath}) or postgres://user@host:port/database.",
    };

    public Option<string?> Country { get; } = new("--country") { Description = "Only incidents in this country (ISO alpha-2)." };

    public Option<string?> Since { get; } = new("--since") { Description = "Only incidents on or after this day (YYYY-MM-DD)." };

    public Option<string?> Until { get; } = new("--until") { Description = "Only incidents on or before this day (YYYY-MM-DD)." };

    public Option<string?> Type { get; } = new("--type") { Description = "Only this event type or sub-event type (e.g. battles, air_drone_strike)." };

    public Option<string?> Actor { get; } = new("--actor") { Description = "Only incidents a side of which has this in its name (any case)." };

    public Option<string?> Near { get; } = new("--near") { Description = "Only incidents within KM of a point: LAT,LON,KM." };

    public IEnumerable<Option> Filters => [Country, Since, Until, Type, Actor, Near];

    public static IEventStore OpenExisting(string? db)
    {
        if ((db is null || !PostgresEventStore.IsPostgres(db)) && !File.Exists(db ?? SqliteEventStore.DefaultPath))
        {
            throw new UsageException($"no database at {db ?? SqliteEventStore.DefaultPath}; store reports with 'sitrep ingest' first or pass --db");
        }
        return EventStore.Open(db);
    }

    public IncidentQuery Query(ParseResult parse)
    {
        var type = parse.GetValue(Type);
        if (type is not null && !EventTaxonomy.SubTypes.ContainsKey(type) && EventTaxonomy.EventTypeOf(type) is null)
        {
            throw new UsageException($"--type '{type}' is neither an event type ({string.Join(", ", EventTaxonomy.SubTypes.Keys)}) nor a sub-event type");
        }
        return new IncidentQuery
        {
            Country = parse.GetValue(Country) is { } c ? Iso2(c) : null,
            Since = Day(parse.GetValue(Since), "--since"),
            Until = Day(parse.GetValue(Until), "--until"),
            Type = type,
            Actor = parse.GetValue(Actor),
            Near = parse.GetValue(Near) is { } near ? Circle(near) : null,
        };
    }

    public static DateOnly? Day(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"{option} must be YYYY-MM-DD, not '{text}'");
    }

    private static string Iso2(string text) =>
        text.Length == 2 && text.All(char.IsAsciiLetter) ? text.ToUpperInvariant()
            : throw new UsageException($"--country takes an ISO alpha-2 code such as SY, not '{text}'");

    private static GeoCircle Circle(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        if (numbers.Length != 3 || numbers.Any(double.IsNaN) || Math.Abs(numbers[0]) > 90 || Math.Abs(numbers[1]) > 180 || numbers[2] <= 0)
        {
            throw new UsageException($"--near takes LAT,LON,KM (e.g. 35.93,36.63,25), not '{text}'");
        }
        return new GeoCircle(numbers[0], numbers[1], numbers[2]);
    }
}
