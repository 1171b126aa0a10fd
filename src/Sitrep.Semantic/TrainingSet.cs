using Sitrep.Core.Annotations;
using Sitrep.Core.Data;

namespace Sitrep.Semantic;

/// <summary>One labelled passage of data/training: an ACLED sub-event type or "none".</summary>
public sealed record TrainingExample(string Text, string Label, string Style, string Country);

/// <summary>Reads and validates the classifier's TSV files (text, label, style, country).</summary>
public static class TrainingSet
{
    public static IReadOnlyList<string> Labels { get; } =
        [.. EventTaxonomy.SubTypes.Values.SelectMany(s => s).Order(StringComparer.Ordinal), EventClass.None];

    public static List<TrainingExample> Read(IEnumerable<string> files)
    {
        var examples = new List<TrainingExample>();
        foreach (var file in files)
        {
            foreach (var row in Tsv.Read(file, "text", "label", "style", "country"))
            {
                if (!Labels.Contains(row["label"]))
                {
                    throw row.Error($"unknown label '{row["label"]}' (an ACLED sub-event type or 'none')");
                }
                if (row["text"].Length is < 10 or > 2000)
                {
                    throw row.Error("text must be a sentence or short passage (10..2000 characters)");
                }
                examples.Add(new TrainingExample(row["text"], row["label"], row["style"], row["country"]));
            }
        }
        return examples;
    }

    /// <summary>The training files of a directory: every events-train-*.tsv, in name order (the held-out file is not among them).</summary>
    public static IReadOnlyList<string> TrainingFiles(string directory) =>
        Directory.GetFiles(directory, "events-train-*.tsv").Order(StringComparer.Ordinal).ToList();
}
