using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Cpu;

/// <summary>
/// Managed feature extraction running the same two passes as the ILGPU kernels (row partials, then
/// per-patch reduction) in the same order, so the two stay within rounding of each other.
/// </summary>
internal static class CpuSpatialFeatures
{
    public static void Run(IReadOnlyList<RgbImage> images, SpatialFeatureSpec spec, Span<float> output, int parallelism)
    {
        var plan = FeaturePlan.Create(images, spec, output.Length);
        if (plan.Batch == 0)
            return;
        int g = plan.Grid, floatSlots = plan.FloatSlots;
        var longs = new long[(long)plan.TotalRows * g * FeaturePlan.LongSlots];
        var floats = new float[(long)plan.TotalRows * g * floatSlots];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        Parallel.For(0, plan.TotalRows, options, row =>
        {
            var image = plan.RowImage[row];
            var pixels = images[image].Pixels.Span;
            for (var j = 0; j < g; j++)
            {
                var slot = (long)row * g + j;
                RowSegment(pixels, plan.Widths[image], plan.Heights[image], row - plan.RowBase[image], j, plan,
                    longs.AsSpan((int)(slot * FeaturePlan.LongSlots), FeaturePlan.LongSlots),
                    floats.AsSpan((int)(slot * floatSlots), floatSlots));
            }
        });
        var result = new float[output.Length];
        Parallel.For(0, plan.Batch * g * g, options, item =>
            Reduce(plan, item / (g * g), item % (g * g), longs, floats, result.AsSpan(item * plan.FeatureCount, plan.FeatureCount)));
        result.CopyTo(output);
    }

    private static int Luma(ReadOnlySpan<byte> p, int offset) =>
        FeaturePlan.LumaR * p[offset] + FeaturePlan.LumaG * p[offset + 1] + FeaturePlan.LumaB * p[offset + 2];

    /// <summary>Partial sums of one image row across patch column <paramref name="j"/>.</summary>
    private static void RowSegment(ReadOnlySpan<byte> p, int width, int height, int r, int j, FeaturePlan plan, Span<long> sums, Span<float> partial)
    {
        int cs = FeaturePlan.RangeStart(j, width, plan.Grid), ce = FeaturePlan.RangeEnd(j, width, plan.Grid);
        int up = Math.Max(r - 1, 0) * width * 3, mid = r * width * 3, down = Math.Min(r + 1, height - 1) * width * 3;
        var left = Math.Max(cs - 1, 0) * 3;
        int u0 = Luma(p, up + left), m0 = Luma(p, mid + left), d0 = Luma(p, down + left);
        int u1 = Luma(p, up + cs * 3), m1 = Luma(p, mid + cs * 3), d1 = Luma(p, down + cs * 3);
        long sr = 0, sg = 0, sb = 0, sy = 0, syy = 0, dark = 0;
        var grad = 0f;
        int bins = plan.Bins;
        var histogram = partial[1..];
        histogram.Clear();
        for (var c = cs; c < ce; c++)
        {
            var right = Math.Min(c + 1, width - 1) * 3;
            int u2 = Luma(p, up + right), m2 = Luma(p, mid + right), d2 = Luma(p, down + right);
            var o = mid + c * 3;
            sr += p[o];
            sg += p[o + 1];
            sb += p[o + 2];
            sy += m1;
            syy += (long)m1 * m1;
            if (m1 < plan.DarkLuma)
                dark++;
            var gx = (u2 + 2 * m2 + d2 - (u0 + 2 * m0 + d0)) * GradientScale;
            var gy = (d0 + 2 * d1 + d2 - (u0 + 2 * u1 + u2)) * GradientScale;
            var magnitude = MathF.Sqrt(gx * gx + gy * gy);
            grad += magnitude;
            if (magnitude > 0f)
            {
                var theta = MathF.Atan2(gy, gx);
                if (theta < 0f)
                    theta += MathF.PI;
                var position = theta * (bins / MathF.PI) - 0.5f;
                var b0 = (int)MathF.Floor(position);
                var f = position - b0;
                if (b0 < 0)
                    b0 += bins;
                if (b0 >= bins)
                    b0 -= bins;
                var b1 = b0 + 1 >= bins ? b0 + 1 - bins : b0 + 1;
                histogram[b0] += magnitude * (1f - f);
                histogram[b1] += magnitude * f;
            }
            (u0, m0, d0, u1, m1, d1) = (u1, m1, d1, u2, m2, d2);
        }
        sums[0] = sr;
        sums[1] = sg;
        sums[2] = sb;
        sums[3] = sy;
        sums[4] = syy;
        sums[5] = dark;
        partial[0] = grad;
    }

    /// <summary>Sobel sums of integer luminance to the 0..1 scale, divided by 4 so a full step has magnitude 1.</summary>
    internal const float GradientScale = 1f / (4f * FeaturePlan.LumaMax);

    private static void Reduce(FeaturePlan plan, int image, int patch, long[] longs, float[] floats, Span<float> features)
    {
        int g = plan.Grid, pi = patch / g, pj = patch % g, floatSlots = plan.FloatSlots;
        int rs = FeaturePlan.RangeStart(pi, plan.Heights[image], g), re = FeaturePlan.RangeEnd(pi, plan.Heights[image], g);
        int cs = FeaturePlan.RangeStart(pj, plan.Widths[image], g), ce = FeaturePlan.RangeEnd(pj, plan.Widths[image], g);
        long sr = 0, sg = 0, sb = 0, sy = 0, syy = 0, dark = 0;
        double grad = 0;
        Span<double> histogram = stackalloc double[plan.Bins];
        for (var r = rs; r < re; r++)
        {
            var slot = (long)(plan.RowBase[image] + r) * g + pj;
            var l = slot * FeaturePlan.LongSlots;
            sr += longs[l];
            sg += longs[l + 1];
            sb += longs[l + 2];
            sy += longs[l + 3];
            syy += longs[l + 4];
            dark += longs[l + 5];
            var f = slot * floatSlots;
            grad += floats[f];
            for (var k = 0; k < plan.Bins; k++)
                histogram[k] += floats[f + 1 + k];
        }
        double n = (double)(re - rs) * (ce - cs);
        features[SpatialFeatureLayout.MeanRed] = (float)(sr / (255.0 * n));
        features[SpatialFeatureLayout.MeanGreen] = (float)(sg / (255.0 * n));
        features[SpatialFeatureLayout.MeanBlue] = (float)(sb / (255.0 * n));
        var variance = Math.Max(0.0, (syy - (double)sy * sy / n) / n);
        features[SpatialFeatureLayout.LuminanceStd] = (float)(Math.Sqrt(variance) / FeaturePlan.LumaMax);
        features[SpatialFeatureLayout.GradientMean] = (float)(grad / n);
        features[SpatialFeatureLayout.DarkFraction] = (float)(dark / n);
        features[SpatialFeatureLayout.PolarRadius] = plan.Polar[patch * 3];
        features[SpatialFeatureLayout.PolarCos] = plan.Polar[patch * 3 + 1];
        features[SpatialFeatureLayout.PolarSin] = plan.Polar[patch * 3 + 2];
        for (var k = 0; k < plan.Bins; k++)
            features[SpatialFeatureLayout.OrientationStart + k] = (float)(histogram[k] / n);
    }
}
