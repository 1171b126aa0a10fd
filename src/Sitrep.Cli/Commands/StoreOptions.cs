using System.CommandLine;
using System.Data.Common;
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

    /// <summary>The store the query commands read: it must exist already.</summary>
    public static IEventStore OpenExisting(string? db) => Open(db ?? SqliteEventStore.DefaultPath, create: false);

    /// <summary>The store ingest writes: an SQLite file is created when missing.</summary>
    public static IEventStore OpenForWriting(string? db) => Open(db ?? SqliteEventStore.DefaultPath, create: true);

    private static IEventStore Open(string db, bool create)
    {
        var shown = PostgresEventStore.IsPostgres(db) ? PostgresEventStore.Redact(db) : db;
        if (PostgresEventStore.IsPostgres(db))
        {
            try
            {
                PostgresEventStore.ConnectionString(db);
            }
            catch (FormatException e)
            {
                throw new UsageException($"--db {shown} is not a valid postgres://user@host:port/database URI: {e.Message}");
            }
        }
        else
        {
            CheckSqliteFile(db, create);
        }
        try
        {
            return EventStore.Open(db);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // Npgsql puts the reason (connection refused, unknown host) in the inner exception.
            var cause = e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $" ({FirstLine(inner.Message)})" : "";
            throw new CommandFailedException($"cannot open the database {shown}: {FirstLine(e.Message)}{cause}");
        }
    }

    /// <summary>What SQLite would otherwise turn into an exception, or silently into a new database.</summary>
    private static void CheckSqliteFile(string path, bool create)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"--db {path} is a directory; give an SQLite file path or a postgres:// URI");
        }
        if (!File.Exists(path))
        {
            if (!create)
            {
                throw new UsageException($"no database at {path}; store reports with 'sitrep ingest' first or pass --db");
            }
            var parent = Path.GetDirectoryName(Path.GetFullPath(path));
            if (parent is not null && !Directory.Exists(parent))
            {
                throw new UsageException($"--db {path}: directory {parent} does not exist");
            }
            return;
        }
        SqliteFileKind kind;
        try
        {
            kind = SqliteEventStore.Inspect(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot read the database {path}: {e.Message}");
        }
        switch (kind)
        {
            case SqliteFileKind.Empty when create:
                // SQLite takes an empty file for an empty database; say so rather than do it silently.
                Console.Error.WriteLine($"sitrep: {path} is an empty file; making it a new sitrep database");
                break;
            case SqliteFileKind.Empty:
                throw new UsageException($"--db {path} is an empty file, not a sitrep database; store reports in it with 'sitrep ingest --db {path}'");
            case SqliteFileKind.NotSqlite:
                throw new UsageException($"--db {path} is not an SQLite database; give a sitrep database file or a postgres:// URI");
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

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
