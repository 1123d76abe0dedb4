namespace Spatial.Kernels;

/// <summary>
/// Positions of the features inside the last axis of the spatial-feature output (version spatial-features/1).
/// The orientation histogram comes last so the fixed indices do not move when the bin count changes.
/// </summary>
public static class SpatialFeatureLayout
{
    /// <summary>Mean red, 0..1.</summary>
    public const int MeanRed = 0;
    /// <summary>Mean green, 0..1.</summary>
    public const int MeanGreen = 1;
    /// <summary>Mean blue, 0..1.</summary>
    public const int MeanBlue = 2;
    /// <summary>Standard deviation of luminance (BT.601 weights, 0..1).</summary>
    public const int LuminanceStd = 3;
    /// <summary>Mean Sobel gradient magnitude of luminance (Sobel sums divided by 4).</summary>
    public const int GradientMean = 4;
    /// <summary>Fraction of pixels whose luminance is below the dark threshold.</summary>
    public const int DarkFraction = 5;
    /// <summary>Distance of the patch centre from the image centre, 0 at the centre, 1 at a corner.</summary>
    public const int PolarRadius = 6;
    /// <summary>Cosine of the patch centre's angle around the image centre (0 at the centre).</summary>
    public const int PolarCos = 7;
    /// <summary>Sine of the patch centre's angle, y pointing down (0 at the centre).</summary>
    public const int PolarSin = 8;
    /// <summary>First orientation-histogram bin; bin k covers unsigned orientations around (k + 0.5) * pi / bins.</summary>
    public const int OrientationStart = 9;

    /// <summary>Number of features that do not depend on the bin count.</summary>
    public const int FixedCount = OrientationStart;

    private static readonly string[] FixedNames =
        ["mean_r", "mean_g", "mean_b", "luma_std", "gradient_mean", "dark_fraction", "polar_radius", "polar_cos", "polar_sin"];

    /// <summary>Feature names in output order for a histogram of <paramref name="orientationBins"/> bins.</summary>
    public static IReadOnlyList<string> Names(int orientationBins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orientationBins);
        var names = new string[FixedCount + orientationBins];
        FixedNames.CopyTo(names, 0);
        for (var k = 0; k < orientationBins; k++)
            names[FixedCount + k] = $"orientation_{k}";
        return names;
    }
}
