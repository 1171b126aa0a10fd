using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace Sitrep.Store;

/// <summary>The store in PostgreSQL, for a shared server; same schema and SQL as SQLite.</summary>
public sealed partial class PostgresEventStore : SqlEventStore
{
    private readonly NpgsqlDataSource _dataSource;

    /// <param name="connection">A postgres:// or postgresql:// URI, or an Npgsql "Host=...;Database=..." string.</param>
    public PostgresEventStore(string connection)
    {
        _dataSource = NpgsqlDataSource.Create(ConnectionString(connection));
    }

    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The URI with its password masked, for messages.</summary>
    public static string Redact(string db) => PasswordInUri().Replace(db, "$1:***@");

    /// <summary>postgres://user:password@host:port/database?key=value (libpq's URI form) as an Npgsql connection string.</summary>
    /// <exception cref="FormatException">The URI or a key in it is malformed.</exception>
    public static string ConnectionString(string connection)
    {
        try
        {
            return IsPostgres(connection) ? FromUri(connection) : new NpgsqlConnectionStringBuilder(connection).ConnectionString;
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private static string FromUri(string connection)
    {
        var uri = new Uri(connection);
        if (uri.Host.Length == 0)
        {
            throw new UriFormatException("no host name");
        }
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0]).Replace('_', ' ')] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return builder.ConnectionString;
    }

    [GeneratedRegex("^(postgres(?:ql)?://[^:/@]*):[^@/]*@", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInUri();

    protected override DbConnection OpenConnection() => _dataSource.OpenConnection();

    public override void Dispose() => _dataSource.Dispose();
}
