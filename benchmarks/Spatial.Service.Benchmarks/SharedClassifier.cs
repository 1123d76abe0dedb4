using Spatial.Kernels;
using Spatial.Service.Inference;

namespace Spatial.Service.Benchmarks;

/// <summary>Lends the benchmark's classifier to the hosted service without letting the host dispose it.</summary>
internal sealed class SharedClassifier(IImageClassifier inner) : IImageClassifier
{
    public ClassifierDescription Description => inner.Description;

    public PredictionBatch Classify(IReadOnlyList<RgbImage> images) => inner.Classify(images);

    public void Dispose()
    {
        // The benchmark owns the classifier.
    }
}
