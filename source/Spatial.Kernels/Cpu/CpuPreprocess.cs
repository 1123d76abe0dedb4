using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Cpu;

/// <summary>
/// Vectorised preprocessing: per output row, blend the two source rows vertically with SIMD (contiguous,
/// bytes widened to float), then resample horizontally, normalise and write the three planes.
/// </summary>
internal static unsafe class CpuPreprocess
{
    public static void Run(IReadOnlyList<RgbImage> images, PreprocessSpec spec, Span<float> output, int parallelism)
    {
        var plan = PreprocessPlan.Create(images, spec, output.Length);
        if (plan.Batch == 0)
            return;
        var maxRow = 0;
        for (var i = 0; i < plan.Batch; i++)
            maxRow = Math.Max(maxRow, images[i].Width * 3);
        // Enough work items to keep every core busy even for a batch of one.
        var bands = Math.Max(1, Math.Min(plan.Height, (4 * parallelism + plan.Batch - 1) / plan.Batch));
        var rowsPerBand = (plan.Height + bands - 1) / bands;
        fixed (float* pinned = output)
        {
            var outputAddress = (nint)pinned;
            Parallel.For(0, plan.Batch * bands, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                () => new float[maxRow],
                (item, _, scratch) =>
                {
                    var image = item / bands;
                    var firstRow = item % bands * rowsPerBand;
                    var lastRow = Math.Min(plan.Height, firstRow + rowsPerBand);
                    RunRows(images[image], plan, image, firstRow, lastRow, scratch, (float*)outputAddress);
                    return scratch;
                },
                _ => { });
        }
    }

    private static void RunRows(RgbImage image, PreprocessPlan plan, int index, int firstRow, int lastRow, float[] scratch, float* output)
    {
        var pixels = image.Pixels.Span;
        int w = plan.Width, stride = image.Width * 3;
        var x0 = plan.X0.AsSpan(index * w, w);
        var x1 = plan.X1.AsSpan(index * w, w);
        var fx = plan.FractionX.AsSpan(index * w, w);
        // Only the columns the taps touch are blended; offsets below are relative to the first one.
        var first = x0[0];
        var span = (x1[w - 1] - first + 1) * 3;
        var plane = plan.PlaneSize;
        var outR = output + (long)index * 3 * plane;
        var outG = outR + plane;
        var outB = outG + plane;
        float sR = plan.Scale[0], sG = plan.Scale[1], sB = plan.Scale[2];
        float bR = plan.Bias[0], bG = plan.Bias[1], bB = plan.Bias[2];
        var row = scratch.AsSpan(0, span);
        ref var rowRef = ref MemoryMarshal.GetArrayDataReference(scratch);
        for (var y = firstRow; y < lastRow; y++)
        {
            var t = index * plan.Height + y;
            var top = pixels.Slice(plan.Y0[t] * stride + first * 3, span);
            var bottom = pixels.Slice(plan.Y1[t] * stride + first * 3, span);
            BlendRows(top, bottom, plan.FractionY[t], row);
            var o = y * w;
            for (var x = 0; x < w; x++)
            {
                var a = (x0[x] - first) * 3;
                var b = (x1[x] - first) * 3;
                var f = fx[x];
                float r0 = Unsafe.Add(ref rowRef, a), r1 = Unsafe.Add(ref rowRef, b);
                float g0 = Unsafe.Add(ref rowRef, a + 1), g1 = Unsafe.Add(ref rowRef, b + 1);
                float c0 = Unsafe.Add(ref rowRef, a + 2), c1 = Unsafe.Add(ref rowRef, b + 2);
                outR[o + x] = (r0 + (r1 - r0) * f) * sR + bR;
                outG[o + x] = (g0 + (g1 - g0) * f) * sG + bG;
                outB[o + x] = (c0 + (c1 - c0) * f) * sB + bB;
            }
        }
    }

    /// <summary>destination[i] = top[i] + (bottom[i] - top[i]) * weight, bytes widened to float.</summary>
    internal static void BlendRows(ReadOnlySpan<byte> top, ReadOnlySpan<byte> bottom, float weight, Span<float> destination)
    {
        var length = destination.Length;
        ref var t = ref MemoryMarshal.GetReference(top);
        ref var b = ref MemoryMarshal.GetReference(bottom);
        ref var d = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var w = Vector256.Create(weight);
            for (; i <= length - 32; i += 32)
            {
                var (t0, t1, t2, t3) = Widen(Vector256.LoadUnsafe(ref t, (nuint)i));
                var (b0, b1, b2, b3) = Widen(Vector256.LoadUnsafe(ref b, (nuint)i));
                (t0 + (b0 - t0) * w).StoreUnsafe(ref d, (nuint)i);
                (t1 + (b1 - t1) * w).StoreUnsafe(ref d, (nuint)(i + 8));
                (t2 + (b2 - t2) * w).StoreUnsafe(ref d, (nuint)(i + 16));
                (t3 + (b3 - t3) * w).StoreUnsafe(ref d, (nuint)(i + 24));
            }
        }
        for (; i < length; i++)
        {
            float a = Unsafe.Add(ref t, i), c = Unsafe.Add(ref b, i);
            Unsafe.Add(ref d, i) = a + (c - a) * weight;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float>, Vector256<float>, Vector256<float>, Vector256<float>) Widen(Vector256<byte> bytes)
    {
        var (lo, hi) = Vector256.Widen(bytes);
        var (a, b) = Vector256.Widen(lo);
        var (c, d) = Vector256.Widen(hi);
        return (Vector256.ConvertToSingle(a.AsInt32()), Vector256.ConvertToSingle(b.AsInt32()),
            Vector256.ConvertToSingle(c.AsInt32()), Vector256.ConvertToSingle(d.AsInt32()));
    }
}
