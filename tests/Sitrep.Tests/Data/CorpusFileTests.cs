using System.Text.Json;
using Sitrep.Core.Data;
using Sitrep.Core.Annotations;

namespace Sitrep.Tests.Data;

/// <summary>
/// The corpora we wrote (data/corpus/dev and data/corpus/validation, gold records) and the
/// classifier's labelled sentences (data/training): every file loads and every entry is legal.
/// </summary>
public class CorpusFileTests
{
    private static readonly HashSet<string> Kinds = ["country", "admin1", "admin2", "populated_place", "district", "region", "feature"];
    private static readonly HashSet<string> ActorTypes =
        ["state_forces", "rebel_group", "political_militia", "identity_militia", "rioters", "protesters", "civilians", "external_forces"];
    private static readonly HashSet<string> Outcomes = ["killed", "injured", "displaced", "detained", "abducted", "missing"];

    public static TheoryData<string> Splits() => ["dev", "validation"];

    [Theory]
    [MemberData(nameof(Splits))]
    public void Gold_records_match_their_text_and_use_legal_values(string split)
    {
        var dir = DataDirectory.InRepository("corpus", split);
        var files = Directory.GetFiles(dir, "*.json");
        Assert.True(files.Length >= 30, $"{files.Length} gold files in {dir}");
        foreach (var path in files)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            string Where(string what) => $"{Path.GetFileName(path)}: {what}";
            Assert.Equal("sitrep/1", root.GetProperty("schema").GetString());
            var text = root.GetProperty("document").GetProperty("text").GetString();
            Assert.True(text == File.ReadAllText(Path.ChangeExtension(path, ".txt")), Where("document.text differs from the .txt"));
            foreach (var p in root.GetProperty("places").EnumerateArray())
            {
                Assert.True(Kinds.Contains(p.GetProperty("kind").GetString()!), Where($"place kind {p.GetProperty("kind")}"));
            }
            foreach (var a in root.GetProperty("actors").EnumerateArray())
            {
                Assert.True(ActorTypes.Contains(a.GetProperty("type").GetString()!), Where($"actor type {a.GetProperty("type")}"));
            }
            foreach (var c in root.GetProperty("casualties").EnumerateArray())
            {
                Assert.True(Outcomes.Contains(c.GetProperty("outcome").GetString()!), Where($"outcome {c.GetProperty("outcome")}"));
            }
            foreach (var e in root.GetProperty("events").EnumerateArray())
            {
                var sub = e.GetProperty("sub_event_type").GetString()!;
                Assert.True(EventTaxonomy.EventTypeOf(sub) == e.GetProperty("event_type").GetString(), Where($"sub-type {sub}"));
                Assert.Contains(e.GetProperty("timeframe").GetString(), new[] { "current", "background" });
            }
        }
    }

    [Fact]
    public void Training_sentences_have_legal_labels_styles_and_countries()
    {
        var labels = EventTaxonomy.SubTypes.Values.SelectMany(v => v).Append("none").ToHashSet();
        var styles = new HashSet<string> { "wire", "note", "monitor", "sitrep", "liveblog", "local", "claim", "statement", "feature" };
        var files = Directory.GetFiles(DataDirectory.InRepository("training"), "*.tsv");
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var texts = new HashSet<string>();
            foreach (var row in Tsv.Read(path, "text", "label", "style", "country"))
            {
                Assert.True(labels.Contains(row["label"]), $"{row.Path}:{row.Line}: label {row["label"]}");
                Assert.True(styles.Contains(row["style"]), $"{row.Path}:{row.Line}: style {row["style"]}");
                Assert.Matches("^[A-Z]{2}$", row["country"]);
                Assert.True(texts.Add(row["text"]), $"{row.Path}:{row.Line}: duplicate text");
            }
        }
    }
}
