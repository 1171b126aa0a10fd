using System.Diagnostics;
using System.Text.Json;

namespace Sitrep.Tests.Cli;

/// <summary>The CLI as a user runs it: a batch with bad inputs among good ones, exit codes, outputs.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-cli-").FullName;
    private readonly string _gazetteer;

    public ExtractCommandTests()
    {
        _gazetteer = Path.Combine(_dir, "gazetteer.idx");
        TestPipeline.BuildGazetteer().Save(_gazetteer);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sitrep.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["SITREP_GAZETTEER"] = _gazetteer;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Reports_with_the_same_id_are_each_written_under_their_own_name()
    {
        var input = Path.Combine(_dir, "same");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "x.txt"), "Rebels shelled Aleppo in Syria on Friday.");
        File.WriteAllText(Path.Combine(input, "x.html"), "<html><body><p>Gunmen killed two villagers near Omdurman in Sudan.</p></body></html>");
        File.WriteAllText(Path.Combine(input, "batch.jsonl"),
            "{\"id\":\"x\",\"text\":\"Clashes erupted in Homs in Syria on Sunday.\"}\n{\"id\":\"x-2\",\"text\":\"Police arrested five men in Homs.\"}\n");
        var output = Path.Combine(_dir, "out-same");

        var (code, _, err) = Run("extract", input, "--out", output, "--classifier", "off");

        Assert.Equal(0, code);
        var written = Directory.GetFiles(output).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("document").GetProperty("text").GetString()))
            .ToList();
        Assert.Equal(4, written.Count);
        Assert.Equal(["x-2.json", "x-3.json", "x-4.json", "x.json"], written.Select(w => w.Item1));
        Assert.Equal(4, written.Select(w => w.Item2).Distinct().Count());
        Assert.Contains("id already written by this run; record written to x-3.json", err);
        Assert.Contains("4 report(s) extracted (2 under a new name, their id being taken), 0 failed", err);
    }

    [Fact]
    public void Bad_inputs_are_named_and_the_rest_of_the_batch_is_extracted()
    {
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "good.txt"), "Rebels shelled Aleppo in Syria on Friday, killing three civilians.");
        File.WriteAllText(Path.Combine(input, "empty.txt"), "");
        File.WriteAllBytes(Path.Combine(input, "junk.txt"), [0, 1, 2, 0, 255, 0, 7, 0, 0, 3]);
        File.WriteAllText(Path.Combine(input, "batch.jsonl"),
            "{\"id\":\"one\",\"text\":\"Gunmen killed two villagers near Omdurman in Sudan on Monday.\"}\n" +
            "{\"id\":\"two\",\"text\":\n" +
            "{\"id\":\"three\",\"text\":\"Clashes erupted in Homs in Syria on Sunday.\",\"published\":\"2024-12-01\"}\n");
        var output = Path.Combine(_dir, "out");

        var (code, _, err) = Run("extract", input, "--out", output, "--published", "2024-11-29", "--quiet");

        Assert.Equal(1, code);
        Assert.Contains("empty.txt", err);
        Assert.Contains("junk.txt", err);
        Assert.Contains("batch.jsonl:2", err);
        Assert.Equal(["good.json", "one.json", "three.json"], Directory.GetFiles(output).Select(f => Path.GetFileName(f)!).Order().ToArray());
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "three.json")));
        Assert.Equal("sitrep/1", record.RootElement.GetProperty("schema").GetString());
        Assert.Equal("2024-12-01", record.RootElement.GetProperty("document").GetProperty("published").GetString());
    }

    [Fact]
    public void Standard_input_gives_jsonl_on_standard_output()
    {
        var file = Path.Combine(_dir, "report.txt");
        File.WriteAllText(file, "HTS fighters seized Aleppo in Syria on Friday, AFP reported.");
        var (code, stdout, _) = Run("extract", file, "--published", "2024-11-29", "--quiet");
        Assert.Equal(0, code);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var record = JsonDocument.Parse(line);
        var text = record.RootElement.GetProperty("document").GetProperty("text").GetString()!;
        foreach (var place in record.RootElement.GetProperty("places").EnumerateArray())
        {
            Assert.Equal(place.GetProperty("text").GetString(), text[place.GetProperty("start").GetInt32()..place.GetProperty("end").GetInt32()]);
        }
        Assert.NotEmpty(record.RootElement.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public void Usage_errors_exit_with_2()
    {
        Assert.Equal(2, Run("extract").Code);
        Assert.Equal(2, Run("extract", "x.txt", "--published", "yesterday").Code);
        Assert.Equal(2, Run("no-such-command").Code);
    }

    [Fact]
    public void Eval_prints_the_scorer_table()
    {
        var (code, stdout, _) = Run("eval", TestPipeline.Fixture("Score", "gold"), TestPipeline.Fixture("Score", "pred"));
        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(TestPipeline.Fixture("Score", "expected-score.txt")), stdout);
    }
}
