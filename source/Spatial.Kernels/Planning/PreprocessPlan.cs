namespace Spatial.Kernels.Planning;

/// <summary>
/// A validated preprocessing job: per-image resize taps (concatenated, image-major) and the fused
/// normalisation out = value * Scale[c] + Bias[c], with value on the 0..255 scale.
/// </summary>
internal sealed class PreprocessPlan
{
    public required int Batch { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required int[] X0 { get; init; }
    public required int[] X1 { get; init; }
    public required float[] FractionX { get; init; }
    public required int[] Y0 { get; init; }
    public required int[] Y1 { get; init; }
    public required float[] FractionY { get; init; }
    public required float[] Scale { get; init; }
    public required float[] Bias { get; init; }

    /// <summary>Floats in one image's planar output.</summary>
    public int PlaneSize => Width * Height;

    /// <summary>Validates inputs and builds the taps; throws <see cref="ArgumentException"/> on bad input.</summary>
    public static PreprocessPlan Create(IReadOnlyList<RgbImage> images, PreprocessSpec spec, int outputLength)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var expected = (long)images.Count * 3 * spec.Width * spec.Height;
        if (outputLength != expected)
            throw new ArgumentException($"output needs {expected} floats for [{images.Count}, 3, {spec.Height}, {spec.Width}], got {outputLength}");
        int n = images.Count, w = spec.Width, h = spec.Height;
        var plan = new PreprocessPlan
        {
            Batch = n, Width = w, Height = h,
            X0 = new int[n * w], X1 = new int[n * w], FractionX = new float[n * w],
            Y0 = new int[n * h], Y1 = new int[n * h], FractionY = new float[n * h],
            Scale = new float[3], Bias = new float[3],
        };
        for (var i = 0; i < n; i++)
        {
            var image = images[i] ?? throw new ArgumentException($"image {i} is null");
            var crop = ResizeAxis.CenterCrop(image.Width, image.Height, w, h, spec.CenterCrop);
            ResizeAxis.Fill(crop.Width, crop.X, plan.X0.AsSpan(i * w, w), plan.X1.AsSpan(i * w, w), plan.FractionX.AsSpan(i * w, w));
            ResizeAxis.Fill(crop.Height, crop.Y, plan.Y0.AsSpan(i * h, h), plan.Y1.AsSpan(i * h, h), plan.FractionY.AsSpan(i * h, h));
        }
        for (var c = 0; c < 3; c++)
        {
            plan.Scale[c] = 1f / (255f * spec.Std[c]);
            plan.Bias[c] = -spec.Mean[c] / spec.Std[c];
        }
        return plan;
    }
}
