using System.Diagnostics;

namespace Sitrep.Tests.Store;

/// <summary>
/// Runs the sitrep CLI built beside the tests as a child process, with a gazetteer index saved from
/// the test gazetteer (Fixtures/geonames-mini.txt plus data/places) in a scratch directory.
/// </summary>
public sealed class SitrepProcess : IDisposable
{
    public SitrepProcess()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("sitrep-cli-").FullName;
        Gazetteer = System.IO.Path.Combine(Directory, "gazetteer.idx");
        TestPipeline.BuildGazetteer().Save(Gazetteer);
    }

    public string Directory { get; }

    public string Gazetteer { get; }

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    public static string Examples => System.IO.Path.Combine(AppContext.BaseDirectory, "examples");

    public Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    public Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "sitrep.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["SITREP_GAZETTEER"] = Gazetteer;
        start.Environment.Remove("SITREP_DEBUG");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    public (int Exit, string Out, string Err) Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    public (int Exit, string Out, string Err) RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sitrep {string.Join(' ', args)} did not finish");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
