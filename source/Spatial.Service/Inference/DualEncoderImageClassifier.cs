using Spatial.Kernels;
using Spatial.Models;

namespace Spatial.Service.Inference;

/// <summary>The one adapter from the service's port to the real forward pass of <see cref="DualEncoderClassifier"/>.</summary>
public sealed class DualEncoderImageClassifier : IImageClassifier
{
    private readonly IKernelBackend _backend;
    private readonly DualEncoderClassifier _classifier;

    private DualEncoderImageClassifier(IKernelBackend backend, DualEncoderClassifier classifier, string manifestSha256)
    {
        _backend = backend;
        _classifier = classifier;
        var manifest = classifier.Manifest;
        Description = new ClassifierDescription(manifest.Name, manifest.Version, manifest.Classes, backend.Device) { ManifestSha256 = manifestSha256 };
    }

    /// <inheritdoc />
    public ClassifierDescription Description { get; }

    /// <summary>
    /// Loads and verifies the package in <paramref name="modelDirectory"/> and binds it to a backend.
    /// Throws <see cref="ModelPackageException"/> (one line) when the package is damaged or incompatible.
    /// </summary>
    public static DualEncoderImageClassifier Load(string modelDirectory, AcceleratorChoice accelerator)
    {
        var package = ModelPackage.Load(modelDirectory);
        var backend = KernelBackends.Create(accelerator);
        try
        {
            // Hashed from the file served, so /v1/release states what runs, not what a deployer meant to run.
            var manifestSha256 = PackageFiles.Sha256OfFile(Path.Combine(package.Directory, PackageFiles.ManifestFileName));
            return new DualEncoderImageClassifier(backend, new DualEncoderClassifier(package, backend), manifestSha256);
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public PredictionBatch Classify(IReadOnlyList<RgbImage> images)
    {
        var batch = _classifier.Classify(images);
        var predictions = new ImagePrediction[batch.Results.Count];
        for (var i = 0; i < predictions.Length; i++)
        {
            var result = batch.Results[i];
            predictions[i] = new ImagePrediction(result.Label, result.Confidence, result.Probabilities);
        }
        return new PredictionBatch(predictions, batch.Preprocess, batch.Encode);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _classifier.Dispose();
        _backend.Dispose();
    }
}
