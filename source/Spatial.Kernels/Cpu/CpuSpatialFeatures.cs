using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Cpu;

/// <summary>
/// Vectorised feature extraction. One work item is one patch row of one image: its rows are walked top to bottom
/// with three rolling luminance rows, each row's partial sums are added per patch column in row order (exact
/// integers; float magnitude and histogram partials summed in double, as the ILGPU kernels' reduction does), then the
/// patch row's features are written.
/// </summary>
internal static unsafe class CpuSpatialFeatures
{
    public static void Run(IReadOnlyList<RgbImage> images, SpatialFeatureSpec spec, Span<float> output, int parallelism)
    {
        var plan = FeaturePlan.Create(images, spec, output.Length);
        if (plan.Batch == 0)
            return;
        var g = plan.Grid;
        var maxWidth = plan.Widths.Max();
        fixed (float* pinned = output)
        {
            var address = (nint)pinned;
            Parallel.For(0, plan.Batch * g, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                () => new FeatureScratch(maxWidth, g, plan.Bins),
                (item, _, scratch) =>
                {
                    PatchRow(images[item / g], plan, item / g, item % g, scratch, (float*)address);
                    return scratch;
                },
                _ => { });
        }
    }

    private static void PatchRow(RgbImage image, FeaturePlan plan, int n, int i, FeatureScratch scratch, float* output)
    {
        int width = image.Width, height = image.Height, g = plan.Grid;
        int rs = FeaturePlan.RangeStart(i, height, g), re = FeaturePlan.RangeEnd(i, height, g);
        long stride = width * 3L, length = image.Pixels.Length;
        scratch.Clear();
        fixed (byte* pixels = image.Pixels.Span)
        fixed (int* a = scratch.RowA, b = scratch.RowB, c = scratch.RowC, vertical = scratch.Vertical, difference = scratch.Difference)
        fixed (long* sums = scratch.Sums)
        {
            int* up = a, middle = b, down = c;
            var above = Math.Max(rs - 1, 0);
            LuminanceRow.Compute(pixels + above * stride, length - above * stride, width, plan, up, null);
            LuminanceRow.Compute(pixels + rs * stride, length - rs * stride, width, plan, middle, sums);
            for (var r = rs; r < re; r++)
            {
                // Replicated border: the last row is its own lower neighbour; each row of the band is summed once.
                var below = Math.Min(r + 1, height - 1);
                LuminanceRow.Compute(pixels + below * stride, length - below * stride, width, plan, down, below > r && below < re ? sums : null);
                GradientRow.Accumulate(up, middle, down, width, plan, scratch, vertical, difference);
                var oldest = up;
                up = middle;
                middle = down;
                down = oldest;
            }
        }
        for (var j = 0; j < g; j++)
            WritePatch(plan, i, j, (double)(re - rs) * (FeaturePlan.RangeEnd(j, width, g) - FeaturePlan.RangeStart(j, width, g)),
                scratch, new Span<float>(output + ((long)(n * g + i) * g + j) * plan.FeatureCount, plan.FeatureCount));
    }

    private static void WritePatch(FeaturePlan plan, int i, int j, double n, FeatureScratch scratch, Span<float> features)
    {
        var s = scratch.Sums.AsSpan(j * FeaturePlan.LongSlots, FeaturePlan.LongSlots);
        features[SpatialFeatureLayout.MeanRed] = (float)(s[0] / (255.0 * n));
        features[SpatialFeatureLayout.MeanGreen] = (float)(s[1] / (255.0 * n));
        features[SpatialFeatureLayout.MeanBlue] = (float)(s[2] / (255.0 * n));
        var variance = Math.Max(0.0, (s[4] - (double)s[3] * s[3] / n) / n);
        features[SpatialFeatureLayout.LuminanceStd] = (float)(Math.Sqrt(variance) / FeaturePlan.LumaMax);
        features[SpatialFeatureLayout.GradientMean] = (float)(scratch.Gradient[j] / n);
        features[SpatialFeatureLayout.DarkFraction] = (float)(s[5] / n);
        var patch = i * plan.Grid + j;
        features[SpatialFeatureLayout.PolarRadius] = plan.Polar[patch * 3];
        features[SpatialFeatureLayout.PolarCos] = plan.Polar[patch * 3 + 1];
        features[SpatialFeatureLayout.PolarSin] = plan.Polar[patch * 3 + 2];
        for (var k = 0; k < plan.Bins; k++)
            features[SpatialFeatureLayout.OrientationStart + k] = (float)(scratch.Histogram[j * plan.Bins + k] / n);
    }
}
