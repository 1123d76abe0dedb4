namespace Spatial.Kernels;

/// <summary>
/// Which per-patch features are extracted on a G x G grid. Versioned: a model trained with one spec
/// is refused by a library or a manifest that carries another.
/// </summary>
public sealed record SpatialFeatureSpec
{
    /// <summary>The feature-extraction version this kernel library implements.</summary>
    public const string CurrentVersion = "spatial-features/1";

    /// <summary>Spec version; must be one of <see cref="KernelLibrary.SupportedSpatialFeatureVersions"/>.</summary>
    public string Version { get; init; } = CurrentVersion;

    /// <summary>Patches per side (G); the output has G*G patches.</summary>
    public required int GridSize { get; init; }

    /// <summary>Bins of the gradient-orientation histogram (unsigned orientation, 0..pi).</summary>
    public int OrientationBins { get; init; } = 8;

    /// <summary>Luminance (0..1) under which a pixel counts as dark (burnt).</summary>
    public float DarkThreshold { get; init; } = 0.2f;
}
