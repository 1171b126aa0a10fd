using Microsoft.Data.Sqlite;
using Sitrep.Tests.Store;

namespace Sitrep.Tests.Cli;

/// <summary>Everyday mistakes with --db, -o and --out: one "sitrep: ..." line naming the input, exit 1 or 2, never a stack trace.</summary>
public sealed class CliMistakeTests : IDisposable
{
    private const string Report = "Rebels shelled Aleppo in Syria on Friday, killing three civilians.";

    private readonly SitrepProcess _sitrep = new();

    public void Dispose() => _sitrep.Dispose();

    private string Db()
    {
        var report = _sitrep.Path("r.txt");
        File.WriteAllText(report, Report);
        var db = _sitrep.Path("store.db");
        Assert.Equal(0, _sitrep.Run("ingest", report, "--db", db, "--quiet").Exit);
        return db;
    }

    private static void AssertOneLine(string expected, int expectedExit, (int Exit, string Out, string Err) run)
    {
        Assert.Equal(expectedExit, run.Exit);
        Assert.Equal(expected, run.Err.TrimEnd('\n'));
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public void Export_into_a_missing_directory_or_onto_a_directory_is_a_usage_error()
    {
        var db = Db();
        var missing = _sitrep.Path(Path.Combine("nodir", "x.jsonl"));
        AssertOneLine($"sitrep: -o {missing}: directory {_sitrep.Path("nodir")} does not exist", 2,
            _sitrep.Run("export", "--format", "jsonl", "--db", db, "-o", missing));
        AssertOneLine($"sitrep: -o {_sitrep.Directory} is a directory; give the file to write, e.g. {Path.Combine(_sitrep.Directory, "export.csv")}", 2,
            _sitrep.Run("export", "--format", "jsonl", "--db", db, "-o", _sitrep.Directory));
        Assert.False(Directory.Exists(_sitrep.Path("nodir")));
    }

    [Fact]
    public void A_db_that_is_not_sqlite_is_refused_and_left_as_it_was()
    {
        var notes = _sitrep.Path("notes.db");
        File.WriteAllText(notes, "shopping list\n");
        foreach (var args in new[] { new[] { "events" }, ["stats"], ["ingest", SitrepProcess.Examples] })
        {
            AssertOneLine($"sitrep: --db {notes} is not an SQLite database; give a sitrep database file or a postgres:// URI", 2,
                _sitrep.Run([.. args, "--db", notes]));
        }
        Assert.Equal("shopping list\n", File.ReadAllText(notes));
        AssertOneLine($"sitrep: --db {_sitrep.Directory} is a directory; give an SQLite file path or a postgres:// URI", 2,
            _sitrep.Run("events", "--db", _sitrep.Directory));
    }

    [Fact]
    public void A_db_in_a_missing_directory_is_a_usage_error()
    {
        var db = _sitrep.Path(Path.Combine("nodir", "x.db"));
        AssertOneLine($"sitrep: --db {db}: directory {_sitrep.Path("nodir")} does not exist", 2,
            _sitrep.Run("ingest", SitrepProcess.Examples, "--db", db));
    }

    [Fact]
    public void An_empty_db_file_is_refused_by_queries_and_made_a_database_by_ingest_saying_so()
    {
        var empty = _sitrep.Path("empty.db");
        File.WriteAllBytes(empty, []);
        AssertOneLine($"sitrep: --db {empty} is an empty file, not a sitrep database; store reports in it with 'sitrep ingest --db {empty}'", 2,
            _sitrep.Run("events", "--db", empty));
        Assert.Equal(0, new FileInfo(empty).Length);

        var report = _sitrep.Path("r.txt");
        File.WriteAllText(report, Report);
        var ingest = _sitrep.Run("ingest", report, "--db", empty, "--quiet");
        Assert.Equal(0, ingest.Exit);
        Assert.Equal($"sitrep: {empty} is an empty file; making it a new sitrep database\n", ingest.Err);
        Assert.Equal("SQLite format 3\0", FileHeader(empty));
        Assert.Contains("1 document(s)", _sitrep.Run("stats", "--db", empty).Out);
    }

    private static string FileHeader(string path) => System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path)[..16]);

    [Fact]
    public void Unreachable_postgres_is_a_runtime_error_with_the_password_masked()
    {
        // Port 1 on the loopback refuses at once: no server there.
        AssertOneLine("sitrep: cannot open the database postgres://sitrep:***@127.0.0.1:1/events: Failed to connect to 127.0.0.1:1 (Connection refused)", 1,
            _sitrep.Run("events", "--db", "postgres://sitrep:hunter2@127.0.0.1:1/events"));
    }

    [Theory]
    [InlineData("postgres://u@[bad/x", "Invalid URI: The hostname could not be parsed.")]
    [InlineData("postgres:///x", "no host name")]
    [InlineData("postgresql://u@localhost/x?no_such_key=1", "Couldn't set no such key (Parameter 'no such key')")]
    public void A_malformed_postgres_uri_is_a_usage_error(string uri, string reason)
    {
        AssertOneLine($"sitrep: --db {uri} is not a valid postgres://user@host:port/database URI: {reason}", 2, _sitrep.Run("events", "--db", uri));
    }

    [Fact]
    public void Extract_out_onto_a_regular_file_is_a_usage_error_and_the_file_is_kept()
    {
        var report = _sitrep.Path("r.txt");
        File.WriteAllText(report, Report);
        var file = _sitrep.Path("taken");
        File.WriteAllText(file, "keep me");
        AssertOneLine($"sitrep: --out {file} is a file; --out takes a directory to write <id>.json files into", 2,
            _sitrep.Run("extract", report, "--out", file, "--quiet"));
        Assert.Equal("keep me", File.ReadAllText(file));
    }

    [Fact]
    public void An_unforeseen_error_is_one_line_unless_SITREP_DEBUG_is_set()
    {
        var db = Db();
        using (var connection = new SqliteConnection($"Data Source={db}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE incidents SET body = '{not json'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }
        SqliteConnection.ClearAllPools();

        var plain = _sitrep.Run("events", "--db", db);
        Assert.Equal(1, plain.Exit);
        var line = Assert.Single(plain.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sitrep: ", line);
        Assert.Contains("invalid", line, StringComparison.OrdinalIgnoreCase);

        var debug = _sitrep.RunWith(new Dictionary<string, string> { ["SITREP_DEBUG"] = "1" }, "events", "--db", db);
        Assert.Equal(1, debug.Exit);
        Assert.StartsWith(line + "\n", debug.Err);
        Assert.Contains("   at ", debug.Err);
    }

    [Fact]
    public void Extract_of_a_directory_with_a_symlink_loop_reads_each_report_once_and_says_which_link_it_skipped()
    {
        var input = _sitrep.Path("in");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        File.WriteAllText(Path.Combine(input, "a.txt"), Report);
        File.WriteAllText(Path.Combine(input, "sub", "b.txt"), "Gunmen killed two villagers near Omdurman in Sudan on Monday.");
        Directory.CreateSymbolicLink(Path.Combine(input, "sub", "loop"), input);

        var (exit, stdout, stderr) = _sitrep.Run("extract", input, "--published", "2024-11-29");

        Assert.Equal(0, exit);
        Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"sitrep: warning: {Path.Combine(input, "sub", "loop")}: skipped, the same directory as {input} (read once)\n", stderr);
        Assert.Contains("2 report(s) extracted, 0 failed", stderr);
    }
}
