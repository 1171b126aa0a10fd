using Sitrep.Core.Data;
using Sitrep.Extraction;
using Sitrep.Extraction.Events;
using Sitrep.Ingest;
using Sitrep.Semantic;

namespace Sitrep.Tests.Semantic;

public class SubTypeFallbackTests
{
    private sealed class Recorder(string? answer) : ISubTypeFallback
    {
        public List<string> Asked { get; } = [];

        public string? Choose(string sentence, string eventType)
        {
            Asked.Add(sentence);
            return answer;
        }
    }

    private static Sitrep.Core.Document Run(string text, ISubTypeFallback fallback)
    {
        var factory = new DocumentFactory(TestPipeline.Cleaner(), new DateOnly(2024, 11, 29));
        return SitrepPipeline.Create(TestPipeline.Resources, fallback).Run(factory.Create(new RawReport("t", "t.txt", text)));
    }

    [Fact]
    public void Confident_rules_never_ask_the_fallback()
    {
        var recorder = new Recorder("grenade");
        var doc = Run("A suicide bomber blew herself up in Homs in Syria on Friday.", recorder);
        Assert.Empty(recorder.Asked);
        Assert.Equal("suicide_bomb", Assert.Single(doc.Events).SubEventType);
    }

    [Fact]
    public void A_weak_trigger_takes_the_fallback_answer()
    {
        var recorder = new Recorder("shelling_artillery_missile_attack");
        var doc = Run("Missiles hit Homs in Syria on Friday.", recorder);
        Assert.Single(recorder.Asked);
        Assert.Equal("shelling_artillery_missile_attack", Assert.Single(doc.Events).SubEventType);
    }

    [Fact]
    public void MiniLM_prototypes_pick_the_nearest_sub_type_within_the_event_type()
    {
        using var classifier = new PrototypeSubTypeClassifier(DataDirectory.File("events", "prototypes.tsv"));
        Assert.True(classifier.PrototypeCount >= 50);
        Assert.Equal("air_drone_strike", classifier.Choose("Military aircraft bombed the village in an air raid.", "explosions_remote_violence"));
        Assert.Equal("abduction_forced_disappearance", classifier.Choose("Armed men kidnapped twenty passengers from a bus.", "violence_against_civilians"));
        Assert.Equal("arrests", classifier.Choose("Police detained several opposition activists overnight.", "strategic_developments"));
    }
}
