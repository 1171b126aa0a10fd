using Sitrep.Ingest;
using Sitrep.Ingest.Readers;

namespace Sitrep.Tests.Ingest;

/// <summary>Symbolic links in an input directory: each real directory walked once, each real file read once, skipped links told.</summary>
public sealed class DirectoryWalkTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string text)
    {
        var path = _temp.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Reads the directory on another thread so that a walk that never ends fails the test instead of hanging it.</summary>
    private (List<ReadOutcome> Outcomes, List<string> Skipped) Read(string directory)
    {
        var skipped = new List<string>();
        var source = new ReportSource { Skipped = skipped.Add };
        var read = Task.Run(() => source.Read([directory]).ToList());
        Assert.True(read.Wait(TimeSpan.FromSeconds(20)), "the directory walk did not finish");
        return (read.Result, skipped);
    }

    private static string[] Sources(List<ReadOutcome> outcomes) =>
        [.. outcomes.Select(o => Assert.IsType<ReportRead>(o).Report.Source)];

    [Fact]
    public void A_link_back_to_the_top_is_skipped_and_each_file_read_once()
    {
        var a = Write("a.txt", "Report A.");
        var b = Write("sub/b.txt", "Report B.");
        Directory.CreateSymbolicLink(_temp.File("sub/loop"), _temp.Root);

        var (outcomes, skipped) = Read(_temp.Root);

        Assert.Equal([a, b], Sources(outcomes));
        Assert.Equal([$"{_temp.File("sub/loop")}: skipped, the same directory as {_temp.Root} (read once)"], skipped);
    }

    [Fact]
    public void Two_loops_end_and_are_both_told()
    {
        var x = Write("x/one.txt", "Report one.");
        var y = Write("y/two.txt", "Report two.");
        Directory.CreateSymbolicLink(_temp.File("x/to-y"), _temp.File("y"));
        Directory.CreateSymbolicLink(_temp.File("y/to-x"), "../x");

        var (outcomes, skipped) = Read(_temp.Root);

        Assert.Equal([x, y], Sources(outcomes));
        Assert.Equal(
            [
                $"{_temp.File("x/to-y")}: skipped, the same directory as {_temp.File("y")} (read once)",
                $"{_temp.File("y/to-x")}: skipped, the same directory as {_temp.File("x")} (read once)",
            ],
            skipped);
    }

    [Fact]
    public void A_link_to_a_directory_outside_is_walked_with_its_own_links()
    {
        using var outside = new TempDirectory();
        File.WriteAllText(outside.File("far.txt"), "Far report.");
        Directory.CreateSymbolicLink(outside.File("back"), _temp.Root);
        var near = Write("near.txt", "Near report.");
        Directory.CreateSymbolicLink(_temp.File("out"), outside.Root);

        var (outcomes, skipped) = Read(_temp.Root);

        Assert.Equal([near, _temp.File("out/far.txt")], Sources(outcomes));
        Assert.Equal([$"{_temp.File("out/back")}: skipped, the same directory as {_temp.Root} (read once)"], skipped);
    }

    [Fact]
    public void A_file_reached_by_two_names_is_read_once()
    {
        var original = Write("a-original.txt", "The report.");
        File.CreateSymbolicLink(_temp.File("b-alias.txt"), original);

        var (outcomes, skipped) = Read(_temp.Root);

        Assert.Equal([original], Sources(outcomes));
        Assert.Equal([$"{_temp.File("b-alias.txt")}: skipped, the same file as {original} (read once)"], skipped);
    }

    [Fact]
    public void A_broken_link_is_a_failure_and_a_self_link_is_skipped()
    {
        var good = Write("good.txt", "Still read.");
        File.CreateSymbolicLink(_temp.File("gone.txt"), _temp.File("missing.txt"));
        File.CreateSymbolicLink(_temp.File("self.txt"), "self.txt");

        var (outcomes, skipped) = Read(_temp.Root);

        Assert.Equal(
            [$"{_temp.File("gone.txt")}: broken symbolic link (no {_temp.File("missing.txt")})"],
            outcomes.OfType<ReadFailure>().Select(f => f.ToString()));
        Assert.Equal([good], Sources([.. outcomes.OfType<ReportRead>()]));
        Assert.Equal([$"{_temp.File("self.txt")}: skipped symbolic link: too many levels of symbolic links"], skipped);
    }
}
