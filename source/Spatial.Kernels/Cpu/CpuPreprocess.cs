using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Cpu;

/// <summary>
/// Vectorised preprocessing. With AVX2, eight output pixels at a time gather one 32-bit word per tap (it holds
/// the tap's R, G and B bytes), so only the bytes the taps need are read; the three channels are unpacked,
/// blended bilinearly, normalised and written straight to the planes. Elsewhere a scalar loop does the same.
/// </summary>
internal static unsafe class CpuPreprocess
{
    public static void Run(IReadOnlyList<RgbImage> images, PreprocessSpec spec, Span<float> output, int parallelism)
    {
        var plan = PreprocessPlan.Create(images, spec, output.Length);
        if (plan.Batch == 0)
            return;
        // Enough work items to keep every core busy even for a batch of one.
        var bands = Math.Max(1, Math.Min(plan.Height, (4 * parallelism + plan.Batch - 1) / plan.Batch));
        var rowsPerBand = (plan.Height + bands - 1) / bands;
        fixed (float* pinned = output)
        {
            var outputAddress = (nint)pinned;
            Parallel.For(0, plan.Batch * bands, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                () => new Taps(plan.Width),
                (item, _, taps) =>
                {
                    var image = item / bands;
                    var firstRow = item % bands * rowsPerBand;
                    var lastRow = Math.Min(plan.Height, firstRow + rowsPerBand);
                    RunRows(images[image], plan, image, firstRow, lastRow, taps, (float*)outputAddress);
                    return taps;
                },
                _ => { });
        }
    }

    /// <summary>Per-thread byte offsets of the left and right horizontal taps within a source row.</summary>
    private sealed class Taps(int width)
    {
        public readonly int[] Left = new int[width];
        public readonly int[] Right = new int[width];
    }

    private static void RunRows(RgbImage image, PreprocessPlan plan, int index, int firstRow, int lastRow, Taps taps, float* output)
    {
        int w = plan.Width, stride = image.Width * 3;
        var fx = plan.FractionX.AsSpan(index * w, w);
        for (var x = 0; x < w; x++)
        {
            taps.Left[x] = plan.X0[index * w + x] * 3;
            taps.Right[x] = plan.X1[index * w + x] * 3;
        }
        var plane = plan.PlaneSize;
        var outR = output + (long)index * 3 * plane;
        var outG = outR + plane;
        var outB = outG + plane;
        var pixels = image.Pixels.Span;
        fixed (byte* source = pixels)
        fixed (float* fractions = fx)
        fixed (int* left = taps.Left, right = taps.Right)
        {
            for (var y = firstRow; y < lastRow; y++)
            {
                var t = index * plan.Height + y;
                var top = source + (long)plan.Y0[t] * stride;
                var bottom = source + (long)plan.Y1[t] * stride;
                var wy = plan.FractionY[t];
                var o = y * w;
                var x = 0;
                // A 32-bit gather reads one byte past the tap's pixel: never past the end of the image.
                if (Avx2.IsSupported && (long)plan.Y1[t] * stride + taps.Right[w - 1] + 4 <= pixels.Length)
                    x = ResampleAvx2(top, bottom, left, right, fractions, wy, w, outR + o, outG + o, outB + o, plan.Scale, plan.Bias);
                for (; x < w; x++)
                {
                    int a = left[x], b = right[x];
                    var f = fractions[x];
                    outR[o + x] = Bilinear(top[a], top[b], bottom[a], bottom[b], f, wy) * plan.Scale[0] + plan.Bias[0];
                    outG[o + x] = Bilinear(top[a + 1], top[b + 1], bottom[a + 1], bottom[b + 1], f, wy) * plan.Scale[1] + plan.Bias[1];
                    outB[o + x] = Bilinear(top[a + 2], top[b + 2], bottom[a + 2], bottom[b + 2], f, wy) * plan.Scale[2] + plan.Bias[2];
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Bilinear(float tl, float tr, float bl, float br, float wx, float wy)
    {
        var t = tl + (tr - tl) * wx;
        var b = bl + (br - bl) * wx;
        return t + (b - t) * wy;
    }

    /// <summary>Eight output pixels per step; returns the first pixel left undone.</summary>
    private static int ResampleAvx2(byte* top, byte* bottom, int* left, int* right, float* fractions, float weightY, int width,
        float* outR, float* outG, float* outB, float[] scale, float[] bias)
    {
        var wy = Vector256.Create(weightY);
        Vector256<float> sR = Vector256.Create(scale[0]), sG = Vector256.Create(scale[1]), sB = Vector256.Create(scale[2]);
        Vector256<float> bR = Vector256.Create(bias[0]), bG = Vector256.Create(bias[1]), bB = Vector256.Create(bias[2]);
        var x = 0;
        for (; x <= width - 8; x += 8)
        {
            var a = Avx.LoadVector256(left + x);
            var b = Avx.LoadVector256(right + x);
            var wx = Avx.LoadVector256(fractions + x);
            var tl = Avx2.GatherVector256((int*)top, a, 1);
            var tr = Avx2.GatherVector256((int*)top, b, 1);
            var bl = Avx2.GatherVector256((int*)bottom, a, 1);
            var br = Avx2.GatherVector256((int*)bottom, b, 1);
            Avx.Store(outR + x, Channel(tl, tr, bl, br, 0, wx, wy) * sR + bR);
            Avx.Store(outG + x, Channel(tl, tr, bl, br, 8, wx, wy) * sG + bG);
            Avx.Store(outB + x, Channel(tl, tr, bl, br, 16, wx, wy) * sB + bB);
        }
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Channel(Vector256<int> tl, Vector256<int> tr, Vector256<int> bl, Vector256<int> br, byte shift, Vector256<float> wx, Vector256<float> wy)
    {
        var mask = Vector256.Create(0xFF);
        var ftl = Vector256.ConvertToSingle(Vector256.ShiftRightLogical(tl, shift) & mask);
        var ftr = Vector256.ConvertToSingle(Vector256.ShiftRightLogical(tr, shift) & mask);
        var fbl = Vector256.ConvertToSingle(Vector256.ShiftRightLogical(bl, shift) & mask);
        var fbr = Vector256.ConvertToSingle(Vector256.ShiftRightLogical(br, shift) & mask);
        var t = ftl + (ftr - ftl) * wx;
        var b = fbl + (fbr - fbl) * wx;
        return t + (b - t) * wy;
    }
}
