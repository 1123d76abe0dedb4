using Spatial.Kernels;

namespace Spatial.Models;

/// <summary>The spatial encoder's input: which per-patch features (version and parameters) the kernels extract.</summary>
public sealed record FeatureSpec
{
    /// <summary>Spatial-feature version, checked against the kernel library.</summary>
    public required string Version { get; init; }

    /// <summary>Patches per side.</summary>
    public required int GridSize { get; init; }

    /// <summary>Gradient-orientation histogram bins.</summary>
    public required int OrientationBins { get; init; }

    /// <summary>Luminance under which a pixel counts as dark.</summary>
    public required float DarkThreshold { get; init; }

    /// <summary>Features per patch the model was trained with; must equal what the kernel library extracts.</summary>
    public required int FeaturesPerPatch { get; init; }

    /// <summary>The kernel library's spec for these features.</summary>
    public SpatialFeatureSpec ToSpatialFeatureSpec() => new()
    {
        Version = Version, GridSize = GridSize, OrientationBins = OrientationBins, DarkThreshold = DarkThreshold,
    };
}
