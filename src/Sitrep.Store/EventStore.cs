namespace Sitrep.Store;

public static class EventStore
{
    /// <summary>Opens (and migrates) the store that --db names: a postgres:// URI or an SQLite file path.</summary>
    public static IEventStore Open(string? db)
    {
        db = string.IsNullOrEmpty(db) ? SqliteEventStore.DefaultPath : db;
        IEventStore store = PostgresEventStore.IsPostgres(db) ? new PostgresEventStore(db) : new SqliteEventStore(db);
        try
        {
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
