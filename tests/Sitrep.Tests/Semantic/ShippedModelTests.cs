using Microsoft.ML;
using Sitrep.Core.Data;
using Sitrep.Semantic;

namespace Sitrep.Tests.Semantic;

/// <summary>The model in data/models is what scripts/train-classifier makes of data/training, and it reads sentences it never saw.</summary>
public class ShippedModelTests
{
    private static readonly Lazy<PassageEncoder> Encoder = new(() => new PassageEncoder());
    private static readonly Lazy<EventClassifier> Shipped = new(() => EventClassifier.Load(EventClassifier.DefaultModelPath(), Encoder.Value));

    [Theory]
    [InlineData("Soldiers and fighters of the movement exchanged fire for hours on the outskirts of Bunia overnight.", "armed_clash")]
    [InlineData("Two fighter jets bombed a fuel depot outside Idlib at dawn.", "air_drone_strike")]
    [InlineData("A roadside bomb tore through a minibus carrying traders near Mogadishu.", "remote_explosive_landmine_ied")]
    [InlineData("Gunmen seized eleven passengers from a bus on the Abuja road and took them into the bush.", "abduction_forced_disappearance")]
    [InlineData("Police fired tear gas to scatter students marching on the parliament in Nairobi.", "protest_with_intervention")]
    [InlineData("The interior minister will visit the flooded districts next week.", "none")]
    public void Reads_sentences_written_for_this_test(string sentence, string label)
    {
        var (predicted, confidence) = Assert.Single(Shipped.Value.Classify([sentence]));
        Assert.Equal(label, predicted);
        Assert.InRange(confidence, 0f, 1f);
    }

    [Fact]
    public void Retraining_on_the_same_data_gives_the_same_model()
    {
        var examples = TrainingSet.Read(TrainingSet.TrainingFiles(DataDirectory.InRepository("training")));
        var cache = new EmbeddingCache(EmbeddingCache.DefaultPath());
        var ml = new MLContext(EventClassifierModel.Seed);
        var words = EventClassifierModel.Fit(ml, examples, null, ClassifierFeatures.Words);
        var full = EventClassifierModel.Fit(ml, examples, cache.Encode(Encoder.Value, examples.Select(e => e.Text).ToList()), ClassifierFeatures.WordsAndEmbedding);
        using var retrained = EventClassifier.FromModels(words, full, Encoder.Value);

        var probe = TrainingSet.Read([DataDirectory.InRepository("training", "events-validation.tsv")]).Select(e => e.Text).ToList();
        var expected = Shipped.Value.Classify(probe);
        var actual = retrained.Classify(probe);
        for (int i = 0; i < probe.Count; i++)
        {
            Assert.True(expected[i].Label == actual[i].Label, $"'{probe[i]}': shipped {expected[i].Label}, retrained {actual[i].Label}");
            // MiniLM's floats vary in the last bits with batch make-up (padding), so confidences agree to 1e-2, not exactly.
            Assert.InRange(actual[i].Confidence - expected[i].Confidence, -1e-2f, 1e-2f);
        }
    }
}
