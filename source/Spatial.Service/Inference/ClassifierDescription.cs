using Spatial.Kernels;

namespace Spatial.Service.Inference;

/// <summary>What a classifier serves: model identity, its classes and the accelerator in use.</summary>
public sealed record ClassifierDescription(
    string ModelName,
    string ModelVersion,
    IReadOnlyList<string> Classes,
    AcceleratorDescription Accelerator)
{
    /// <summary>SHA-256 of the served package's <c>manifest.json</c>, when the model was loaded from a package.</summary>
    public string? ManifestSha256 { get; init; }
}
