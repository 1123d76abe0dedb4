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

    /// <summary>Features per patch (F): the fixed features plus one per orientation bin.</summary>
    public int FeatureCount => SpatialFeatureLayout.FixedCount + OrientationBins;

    /// <summary>Names of the F features in output order (the last axis of <c>[batch, G*G, F]</c>).</summary>
    public IReadOnlyList<string> FeatureNames => SpatialFeatureLayout.Names(OrientationBins);

    /// <summary>Throws <see cref="ArgumentException"/> when the spec is unsupported or out of range.</summary>
    public void Validate()
    {
        if (!KernelLibrary.SupportedSpatialFeatureVersions.Contains(Version))
            throw new ArgumentException($"spatial feature version '{Version}' is not supported; this library implements {string.Join(", ", KernelLibrary.SupportedSpatialFeatureVersions)}");
        if (GridSize is < 1 or > MaxGridSize)
            throw new ArgumentException($"GridSize must be 1..{MaxGridSize}, got {GridSize}");
        if (OrientationBins is < 1 or > MaxOrientationBins)
            throw new ArgumentException($"OrientationBins must be 1..{MaxOrientationBins}, got {OrientationBins}");
        if (!(DarkThreshold >= 0f && DarkThreshold <= 1f))
            throw new ArgumentException($"DarkThreshold must be within 0..1, got {DarkThreshold}");
    }

    /// <summary>Largest supported grid side.</summary>
    public const int MaxGridSize = 64;

    /// <summary>Largest supported number of orientation bins.</summary>
    public const int MaxOrientationBins = 64;
}
