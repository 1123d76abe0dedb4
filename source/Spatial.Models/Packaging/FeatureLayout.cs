using Spatial.Kernels;

namespace Spatial.Models;

/// <summary>How many values the kernel library's spatial features produce, the one place the models layer asks.</summary>
public static class FeatureLayout
{
    /// <summary>Features per patch for <paramref name="spec"/>.</summary>
    public static int FeaturesPerPatch(SpatialFeatureSpec spec) => spec.FeatureCount;

    /// <summary>Flattened feature count per image: G * G * features per patch.</summary>
    public static int FlattenedCount(SpatialFeatureSpec spec) => spec.GridSize * spec.GridSize * FeaturesPerPatch(spec);
}
