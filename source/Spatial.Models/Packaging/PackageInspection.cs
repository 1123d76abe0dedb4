using Spatial.Models.Safetensors;

namespace Spatial.Models;

/// <summary>What inspecting a package directory found: the manifest and weights when they loaded, and one check per stage.</summary>
public sealed record PackageInspection(ModelManifest? Manifest, SafetensorsFile? Weights, IReadOnlyList<ValidationCheck> Checks)
{
    /// <summary>Whether every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}
