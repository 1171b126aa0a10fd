using System.Diagnostics;
using Sitrep.Evaluation;

namespace Sitrep.Tests.Evaluation;

/// <summary>
/// The C# scorer prints what shared/tools/score.py prints. Fixtures/Score holds records we wrote
/// and score.py's output on them; when score.py is beside the repository it is also run live.
/// </summary>
public class ScorerTests
{
    private static readonly string Gold = TestPipeline.Fixture("Score", "gold");
    private static readonly string Pred = TestPipeline.Fixture("Score", "pred");

    [Fact]
    public void Table_matches_score_py_output()
    {
        var expected = File.ReadAllText(TestPipeline.Fixture("Score", "expected-score.txt"));
        Assert.Equal(expected, ScoreReport.Table(Scorer.Score(Gold, Pred)));
    }

    [Fact]
    public void Json_matches_score_py_output()
    {
        var expected = File.ReadAllText(TestPipeline.Fixture("Score", "expected-score.json"));
        Assert.Equal(expected, ScoreReport.Json(Scorer.Score(Gold, Pred)));
    }

    [Fact]
    public void Gold_scored_against_itself_is_perfect()
    {
        var result = Scorer.Score(Gold, Gold);
        Assert.All(result.Counts.Values, c => Assert.Equal(0, c.Fp + c.Fn));
        Assert.Empty(result.Unreadable);
    }

    [Fact]
    public void Live_score_py_agrees_when_it_is_available()
    {
        var script = FindScorePy();
        if (script is null)
        {
            // Without shared/ beside the repository the recorded output above is the reference.
            Assert.True(File.Exists(TestPipeline.Fixture("Score", "expected-score.json")));
            return;
        }
        var python = Process.Start(new ProcessStartInfo("python3", [script, Gold, Pred, "--json"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        Assert.Equal(0, python.ExitCode);
        Assert.Equal(output, ScoreReport.Json(Scorer.Score(Gold, Pred)));
    }

    private static string? FindScorePy()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "tools", "score.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
