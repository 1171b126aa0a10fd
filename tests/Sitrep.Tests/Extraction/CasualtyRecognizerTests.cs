using Sitrep.Core.Annotations;

namespace Sitrep.Tests.Extraction;

public class CasualtyRecognizerTests
{
    private static List<CasualtyReport> Figures(string text) => TestPipeline.Run(text).Casualties;

    [Fact]
    public void Reads_figure_outcome_victims_and_source()
    {
        var figure = Assert.Single(Figures("At least 24 civilians were killed in Aleppo in Syria on Friday, according to a Syrian war monitor."));
        Assert.Equal("killed", figure.Outcome);
        Assert.Equal(new Count(24, 24, null, Qualifier.AtLeast), figure.Count);
        Assert.Equal("civilians", figure.Victims);
        Assert.Equal("Syrian war monitor", figure.Source);
    }

    [Fact]
    public void Breakdowns_share_the_total_outcome()
    {
        var figures = Figures("The strike killed 12 people, five of them children, and wounded 30 in Homs in Syria, officials said.");
        Assert.Contains(figures, f => f.Outcome == "killed" && f.Count.Best == 12 && f.Victims == "people");
        Assert.Contains(figures, f => f.Outcome == "killed" && f.Count.Best == 5 && f.Victims == "children");
        Assert.Contains(figures, f => f.Outcome == "injured" && f.Count.Best == 30);
    }

    [Fact]
    public void Vague_quantities_follow_the_conservative_convention()
    {
        var figures = Figures("Dozens of fighters were killed and thousands of residents fled Hama in Syria.");
        Assert.Contains(figures, f => f.Outcome == "killed" && f.Count.Best == 12 && f.Count.Qualifier == Qualifier.Vague && f.Victims == "fighters");
        Assert.Contains(figures, f => f.Outcome == "displaced" && f.Count.Best == 1000);
    }

    [Fact]
    public void Source_carries_over_to_the_next_sentence_and_perpetrator_is_read()
    {
        var figures = Figures(
            "The offensive has killed 300 people in Syria since November, the Syrian Observatory for Human Rights said. " +
            "At least 40 civilians were among the dead, most of them in Russian air strikes.");
        var civilians = Assert.Single(figures, f => f.Count.Best == 40);
        Assert.Equal("Syrian Observatory for Human Rights", civilians.Source);
        Assert.Equal("Military Forces of Russia", civilians.Perpetrator);
        Assert.Equal("aggregate", figures.Single(f => f.Count.Best == 300).Scope);
    }

    [Fact]
    public void Years_distances_and_a_single_child_are_told_apart()
    {
        var figures = Figures("In 2015, a child was killed 30 km from Idlib in Syria.");
        var figure = Assert.Single(figures);
        Assert.Equal(1, figure.Count.Best);
        Assert.Equal("children", figure.Victims);
    }
}
