using Spatial.Kernels;
using Spatial.Models.Data;

namespace Spatial.Models.Training;

/// <summary>
/// Generated samples turned into model inputs by the kernel library itself (preprocessing and spatial
/// features), so training sees exactly what serving sees.
/// </summary>
internal sealed class TrainingSet
{
    private TrainingSet(float[] images, float[] features, int[] labels, int imageSize, int featureSize)
    {
        Images = images;
        Features = features;
        Labels = labels;
        ImageSize = imageSize;
        FeatureSize = featureSize;
    }

    public float[] Images { get; }

    public float[] Features { get; }

    public int[] Labels { get; }

    public int ImageSize { get; }

    public int FeatureSize { get; }

    public int Count => Labels.Length;

    public ReadOnlySpan<float> Image(int index) => Images.AsSpan(index * ImageSize, ImageSize);

    public ReadOnlySpan<float> FeatureRow(int index) => Features.AsSpan(index * FeatureSize, FeatureSize);

    public static TrainingSet Build(IKernelBackend backend, int seed, int count, PreprocessSpec preprocess, SpatialFeatureSpec features, int parallelism)
    {
        var generator = new PizzaImageGenerator(seed);
        var imageSize = 3 * preprocess.Width * preprocess.Height;
        var featureSize = FeatureLayout.FlattenedCount(features);
        var images = new float[(long)count * imageSize];
        var featureValues = new float[(long)count * featureSize];
        var labels = new int[count];
        const int chunk = 64;
        var chunks = (count + chunk - 1) / chunk;
        // Each chunk writes only its own rows, so the result does not depend on scheduling.
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, c =>
        {
            var start = c * chunk;
            var samples = generator.GenerateRange(start, Math.Min(chunk, count - start));
            var rgb = samples.Select(s => s.Image).ToList();
            backend.Preprocess(rgb, preprocess, images.AsSpan(start * imageSize, samples.Count * imageSize));
            backend.ExtractSpatialFeatures(rgb, features, featureValues.AsSpan(start * featureSize, samples.Count * featureSize));
            for (var i = 0; i < samples.Count; i++)
                labels[start + i] = (int)samples[i].Class;
        });
        return new TrainingSet(images, featureValues, labels, imageSize, featureSize);
    }
}
