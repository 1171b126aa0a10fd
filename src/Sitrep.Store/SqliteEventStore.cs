using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Sitrep.Store;

/// <summary>
/// The default store: one SQLite file in WAL mode. With synchronous=NORMAL a committed document
/// survives the process being killed; only an OS crash can lose the last commits, never half of one.
/// </summary>
public sealed class SqliteEventStore : SqlEventStore
{
    public const string DefaultPath = "sitrep.db";

    private readonly string _connectionString;

    public SqliteEventStore(string path = DefaultPath)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds a statement waits for another writer's lock before failing.
            DefaultTimeout = 60,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Whether an existing file is empty, an SQLite database (by its 16-byte header) or something else.</summary>
    public static SqliteFileKind Inspect(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using var stream = File.OpenRead(path);
        int read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return read == 0 ? SqliteFileKind.Empty
            : header[..read].SequenceEqual("SQLite format 3\0"u8) ? SqliteFileKind.Sqlite
            : SqliteFileKind.NotSqlite;
    }

    protected override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // Both are per connection: SQLite forgets them on every open.
        command.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
        return connection;
    }

    protected override void Prepare(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        // Incident rows carry a few kilobytes of JSON: 16 KB pages hold several (a new file only; ignored after).
        command.CommandText = "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }

    // Without statistics SQLite may pick the index of a weak filter; a sampled ANALYZE stays fast on big files.
    protected override void Analyze(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA analysis_limit = 1000; ANALYZE;";
        command.ExecuteNonQuery();
    }

    /// <summary>SQLite's own consistency check: "ok" when the file is sound.</summary>
    public string IntegrityCheck()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    // Pooled connections keep the file open; release them so the file can be moved or deleted.
    public override void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}

public enum SqliteFileKind
{
    Empty,
    Sqlite,
    NotSqlite,
}
