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
            Description = "on: the trained event classifier (MiniLM embeddings + word n-grams, data/models/event-classifier.zip) " +
                          "types and finds events with the trigger rules; off: rules alone (faster).",
            DefaultValueFactory = _ => Default,
        };
        option.AcceptOnlyFromAmong("on", "off");
        return option;
    }

    public static EventClassifier? Load(string value)
    {
        if (value != "on")
        {
            return null;
        }
        try
        {
            return EventClassifier.Load(EventClassifier.DefaultModelPath());
        }
        catch (FileNotFoundException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
