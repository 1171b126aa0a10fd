namespace Sitrep.Extraction.Events;

/// <summary>
/// How far the trigger rules trust the trained classifier. The defaults are chosen by
/// `sitrep train --tune` on out-of-fold predictions over the training files, never on the
/// held-out file.
/// </summary>
/// <param name="WeakWeight">Triggers at or below this weight are generic ("attack", "strike"); above it the row's sub-type is trusted.</param>
/// <param name="OverrideConfidence">A classifier label this probable overrides any trigger's sub-type.</param>
/// <param name="NewEventConfidence">A sentence without a usable trigger becomes an event only when the classifier is this sure.</param>
/// <param name="NoneConfidence">A "none" this probable silences weak triggers ("a training camp", "fighting the blaze").</param>
public sealed record CombinationPolicy(int WeakWeight, float OverrideConfidence, float NewEventConfidence, float NoneConfidence)
{
    public static CombinationPolicy Default { get; } = new(6, 0.85f, 0.75f, 0.8f);

    /// <summary>The weight a classifier-typed trigger carries, above the weak ones so later rules keep its sub-type.</summary>
    public int LearnedWeight => WeakWeight + 1;
}
