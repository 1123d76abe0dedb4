using System.Runtime.Intrinsics;
using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Cpu;

/// <summary>
/// Sobel gradients of one image row from its padded luminance rows (up, middle, down), eight pixels at a time:
/// per patch column, adds the row's magnitude sum and its magnitude-weighted, linearly (soft) binned histogram
/// of unsigned orientation to the scratch accumulators.
/// </summary>
internal static unsafe class GradientRow
{
    /// <summary>Above this many bins a vector per bin costs more than a scalar scatter.</summary>
    private const int MaxVectorBins = 16;

    private static readonly Vector256<int> LaneIndex = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);

    public static void Accumulate(int* up, int* middle, int* down, int width, FeaturePlan plan, FeatureScratch scratch, int* vertical, int* difference)
    {
        // Column sums shared by every output pixel: gx = V[c+1] − V[c−1], gy = D[c−1] + 2·D[c] + D[c+1] (padded indices shift by one).
        for (var i = 0; i < width + 2; i += Vector256<int>.Count)
        {
            var u = Vector256.Load(up + i);
            var m = Vector256.Load(middle + i);
            var d = Vector256.Load(down + i);
            Vector256.Store(u + m + m + d, vertical + i);
            Vector256.Store(d - u, difference + i);
        }
        int g = plan.Grid, bins = plan.Bins;
        Span<Vector256<float>> perBin = stackalloc Vector256<float>[MaxVectorBins];
        for (var j = 0; j < g; j++)
        {
            int cs = FeaturePlan.RangeStart(j, width, g), ce = FeaturePlan.RangeEnd(j, width, g);
            var vectorBins = bins <= MaxVectorBins;
            if (vectorBins)
                perBin[..bins].Clear();
            else
                Array.Clear(scratch.Bins);
            var gradient = Vector256<float>.Zero;
            var end = Vector256.Create(ce);
            for (var c = cs; c < ce; c += Vector256<int>.Count)
            {
                var gxInt = Vector256.Load(vertical + c + 2) - Vector256.Load(vertical + c);
                var gyInt = Vector256.Load(difference + c) + Vector256.Load(difference + c + 1) * 2 + Vector256.Load(difference + c + 2);
                var gx = Vector256.ConvertToSingle(gxInt) * FeaturePlan.GradientScale;
                var gy = Vector256.ConvertToSingle(gyInt) * FeaturePlan.GradientScale;
                // Lanes past the segment's end count nothing.
                var inside = Vector256.LessThan(Vector256.Create(c) + LaneIndex, end).AsSingle();
                var magnitude = Vector256.Sqrt(gx * gx + gy * gy) & inside;
                gradient += magnitude;
                // Zero-gradient lanes have no orientation (NaN here): their weights are forced to zero.
                var oriented = Vector256.GreaterThan(magnitude, Vector256<float>.Zero);
                var position = UnsignedOrientation.Of(gx, gy) * (bins / MathF.PI) - Vector256.Create(0.5f);
                var floor = Vector256.Floor(position);
                var fraction = position - floor;
                var weight1 = magnitude * fraction & oriented;
                var weight0 = magnitude * (Vector256<float>.One - fraction) & oriented;
                var bin0 = Vector256.ConvertToInt32(floor) & oriented.AsInt32();
                var count = Vector256.Create(bins);
                bin0 += Vector256.LessThan(bin0, Vector256<int>.Zero) & count;
                bin0 -= Vector256.GreaterThanOrEqual(bin0, count) & count;
                var bin1 = bin0 + Vector256<int>.One;
                bin1 -= Vector256.GreaterThanOrEqual(bin1, count) & count;
                if (vectorBins)
                {
                    for (var k = 0; k < bins; k++)
                    {
                        var key = Vector256.Create(k);
                        perBin[k] += (Vector256.Equals(bin0, key).AsSingle() & weight0) + (Vector256.Equals(bin1, key).AsSingle() & weight1);
                    }
                }
                else
                {
                    Scatter(scratch.Bins, bin0, weight0);
                    Scatter(scratch.Bins, bin1, weight1);
                }
            }
            scratch.Gradient[j] += Vector256.Sum(gradient);
            var histogram = scratch.Histogram.AsSpan(j * bins, bins);
            for (var k = 0; k < bins; k++)
                histogram[k] += vectorBins ? Vector256.Sum(perBin[k]) : scratch.Bins[k];
        }
    }

    private static void Scatter(float[] histogram, Vector256<int> bins, Vector256<float> weights)
    {
        for (var lane = 0; lane < Vector256<int>.Count; lane++)
            histogram[bins.GetElement(lane)] += weights.GetElement(lane);
    }
}
