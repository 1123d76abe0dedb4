using Spatial.Models.Data;
using Spatial.Models;

namespace Spatial.Deployment.Checks;

/// <summary>The generated validation set as PNG files with their true labels: the same images the model's accuracy gate scores.</summary>
public static class ValidationImages
{
    /// <summary>One encoded image.</summary>
    public sealed record Image(int Index, string Label, byte[] Png);

    /// <summary>Samples [0, <paramref name="count"/>) of the validation seed, PNG-encoded.</summary>
    public static IReadOnlyList<Image> Generate(int count)
    {
        var generator = new PizzaImageGenerator(ModelEvaluator.ValidationSeed);
        return Enumerable.Range(0, count).AsParallel().AsOrdered()
            .Select(i =>
            {
                var sample = generator.Generate(i);
                return new Image(i, sample.Class.Label(), PngWriter.Encode(sample.Image));
            })
            .ToList();
    }
}
