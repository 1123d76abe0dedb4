using Spatial.Models.Data;

namespace Spatial.Models;

/// <summary>Measures a classifier's accuracy on a generated validation set (deterministic by seed).</summary>
public static class ModelEvaluator
{
    /// <summary>Seed of the validation set the registry's accuracy check uses; training never uses it.</summary>
    public const int ValidationSeed = 20_240_917;

    /// <summary>Classifies samples [0, count) of the generator's seed in batches and scores them.</summary>
    public static EvaluationResult Evaluate(DualEncoderClassifier classifier, int seed = ValidationSeed, int count = 500, int batchSize = 50)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var classes = classifier.Manifest.Classes;
        if (!classes.SequenceEqual(PizzaClasses.Labels))
            throw new InvalidOperationException($"the generated set has classes [{string.Join(", ", PizzaClasses.Labels)}] but the model has [{string.Join(", ", classes)}]");
        var generator = new PizzaImageGenerator(seed);
        var truth = new List<int>(count);
        var predicted = new List<int>(count);
        for (var start = 0; start < count; start += batchSize)
        {
            var samples = generator.GenerateRange(start, Math.Min(batchSize, count - start));
            var batch = classifier.Classify(samples.Select(s => s.Image).ToList());
            for (var i = 0; i < samples.Count; i++)
            {
                truth.Add((int)samples[i].Class);
                predicted.Add(IndexOf(classes, batch.Results[i].Label));
            }
        }
        return EvaluationResult.From(classes, truth, predicted);
    }

    private static int IndexOf(IReadOnlyList<string> classes, string label)
    {
        for (var k = 0; k < classes.Count; k++)
        {
            if (classes[k] == label)
                return k;
        }
        throw new InvalidOperationException($"classifier returned unknown label '{label}'");
    }
}
