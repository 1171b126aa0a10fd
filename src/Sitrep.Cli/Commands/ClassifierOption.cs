using System.CommandLine;
using Sitrep.Semantic;

namespace Sitrep.Cli.Commands;

/// <summary>--classifier on|off: whether the trained event classifier joins the trigger rules.</summary>
internal static class ClassifierOption
{
    public const string Default = "on";

    public static Option<string> Create()
    {
        var option = new Option<string>("--classifier")
        {
            Description = "on: the trained event classifier types and finds events with the trigger rules (a word n-gram model, " +
                          "and MiniLM embeddings for the passages it is unsure of; data/models/event-classifier*.zip); " +
                          "words: the word n-gram model alone (faster); off: rules alone (fastest).",
            DefaultValueFactory = _ => Default,
        };
        option.AcceptOnlyFromAmong("on", "words", "off");
        return option;
    }

    public static EventClassifier? Load(string value)
    {
        if (value == "off")
        {
            return null;
        }
        try
        {
            return EventClassifier.Load(EventClassifier.DefaultModelPath(), embedBelow: value == "words" ? 0 : EventClassifier.DefaultEmbedBelow);
        }
        catch (FileNotFoundException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
