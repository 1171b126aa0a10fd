using System.CommandLine;
using Sitrep.Gazetteer;

namespace Sitrep.Cli.Commands;

internal static class CommonOptions
{
    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "No progress output on standard error." };

    public static Option<string?> GazetteerPath() => new("--gazetteer")
    {
        Description = "Gazetteer index file (default: $SITREP_GAZETTEER, else ~/.local/share/sitrep/gazetteer.idx).",
    };

    public static string ResolveGazetteer(string? option)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return option;
        }
        var env = Environment.GetEnvironmentVariable("SITREP_GAZETTEER");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "sitrep", "gazetteer.idx");
    }

    public static Option<string?> MaxRecordBytes() => new("--max-record-bytes")
    {
        Description = "Largest JSONL line (one report) that is read, in bytes, with an optional K or M suffix (default 5M); a longer line is an error and the batch goes on.",
    };

    /// <summary>The per-record limit from "5242880", "512K" or "5M".</summary>
    public static long ParseMaxRecordBytes(string? text)
    {
        if (text is null)
        {
            return Sitrep.Ingest.Readers.ReportSource.DefaultMaxRecordBytes;
        }
        var trimmed = text.Trim().ToUpperInvariant();
        long unit = trimmed.EndsWith('K') ? 1024 : trimmed.EndsWith('M') ? 1024 * 1024 : 1;
        var digits = unit == 1 ? trimmed : trimmed[..^1];
        if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n <= 0 ||
            n > long.MaxValue / unit)
        {
            throw new UsageException($"--max-record-bytes must be a positive number of bytes such as 5242880, 512K or 5M, not '{text}'");
        }
        return n * unit;
    }

    /// <summary>Something skipped or changed that is not a failure: a line on standard error, the exit code unchanged.</summary>
    public static void Warn(string message) => Console.Error.WriteLine($"sitrep: warning: {message}");

    public static Gazetteer.Gazetteer LoadGazetteer(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException(
                $"no gazetteer index at {path}; build one with scripts/setup-gazetteer (the ./sitrep wrapper does this on first use) or pass --gazetteer");
        }
        try
        {
            return Gazetteer.Gazetteer.Load(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException)
        {
            throw new UsageException($"cannot read the gazetteer index {path}: {e.Message} Rebuild it with scripts/setup-gazetteer.");
        }
    }
}

/// <summary>A problem with how the command was called: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The command could not do its work (a database that cannot be opened, a file that cannot be written): exit code 1.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);

internal static class Tables
{
    /// <summary>Piped tables are read by tools and wide viewers: do not wrap them at 80 columns.</summary>
    public static void WidenWhenRedirected()
    {
        if (Console.IsOutputRedirected)
        {
            Spectre.Console.AnsiConsole.Profile.Width = 240;
        }
    }
}
