namespace Spatial.Kernels;

/// <summary>Facts about this kernel library that model manifests are checked against.</summary>
public static class KernelLibrary
{
    /// <summary>Preprocessing versions this library implements.</summary>
    public static IReadOnlyList<string> SupportedPreprocessVersions { get; } = [PreprocessSpec.CurrentVersion];

    /// <summary>Spatial-feature versions this library implements.</summary>
    public static IReadOnlyList<string> SupportedSpatialFeatureVersions { get; } = [SpatialFeatureSpec.CurrentVersion];
}
