using Spatial.Kernels;

namespace Spatial.Service.Inference;

/// <summary>
/// The service's port to a forward pass: everything above it (batching, HTTP) sees only this.
/// Calls are made from one thread at a time, so implementations need not be thread-safe.
/// </summary>
public interface IImageClassifier : IDisposable
{
    /// <summary>The model served and the accelerator it runs on.</summary>
    ClassifierDescription Description { get; }

    /// <summary>Classifies a batch of decoded images; one prediction per image, in order.</summary>
    PredictionBatch Classify(IReadOnlyList<RgbImage> images);
}
