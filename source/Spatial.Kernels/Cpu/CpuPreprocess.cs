using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Cpu;

/// <summary>
/// Vectorised preprocessing. With AVX2, eight output pixels at a time read each tap pair (left pixel and neighbour)
/// with one 8-byte scalar load per source row, no gathers (slow on Zen); the three channels are unpacked by byte
/// shuffles, blended bilinearly, normalised and written straight to the planes. Elsewhere a scalar loop does the same.
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
                // Each tap is read as 8 bytes from its left pixel: never past the end of the image. The right pixel read
                // is always the left one's neighbour; where the plan clamps it instead, its weight is 0, so the result is the same.
                if (Avx2.IsSupported && (long)plan.Y1[t] * stride + taps.Left[w - 1] + 8 <= pixels.Length)
                    x = ResampleAvx2(top, bottom, left, fractions, wy, w, outR + o, outG + o, outB + o, plan.Scale, plan.Bias);
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
    private static int ResampleAvx2(byte* top, byte* bottom, int* left, float* fractions, float weightY, int width,
        float* outR, float* outG, float* outB, float[] scale, float[] bias)
    {
        var wy = Vector256.Create(weightY);
        Vector256<float> sR = Vector256.Create(scale[0]), sG = Vector256.Create(scale[1]), sB = Vector256.Create(scale[2]);
        Vector256<float> bR = Vector256.Create(bias[0]), bG = Vector256.Create(bias[1]), bB = Vector256.Create(bias[2]);
        var x = 0;
        for (; x <= width - 8; x += 8)
        {
            var (tl, tr) = PixelPairs(top, left + x);
            var (bl, br) = PixelPairs(bottom, left + x);
            var wx = Avx.LoadVector256(fractions + x);
            Avx.Store(outR + x, Channel(tl, tr, bl, br, PickRed, wx, wy) * sR + bR);
            Avx.Store(outG + x, Channel(tl, tr, bl, br, PickGreen, wx, wy) * sG + bG);
            Avx.Store(outB + x, Channel(tl, tr, bl, br, PickBlue, wx, wy) * sB + bB);
        }
        return x;
    }

    /// <summary>
    /// The left tap pixel and its right neighbour for eight outputs, as RGB in the low bytes of 32-bit lanes: one
    /// unaligned 8-byte load per output instead of a gather (slow on some CPUs). Loading outputs 0,1,4,5 and 2,3,6,7
    /// makes the in-lane shuffle come out in output order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<int> Left, Vector256<int> Right) PixelPairs(byte* row, int* offsets)
    {
        var a = Vector256.Create(Load(row, offsets[0]), Load(row, offsets[1]), Load(row, offsets[4]), Load(row, offsets[5]));
        var b = Vector256.Create(Load(row, offsets[2]), Load(row, offsets[3]), Load(row, offsets[6]), Load(row, offsets[7]));
        const byte EvenWords = 0b10_00_10_00;
        var leftPixels = Avx.Shuffle(a.AsSingle(), b.AsSingle(), EvenWords).AsInt32();
        var rightPixels = Avx.Shuffle(Avx2.ShiftRightLogical(a, 24).AsSingle(), Avx2.ShiftRightLogical(b, 24).AsSingle(), EvenWords).AsInt32();
        return (leftPixels, rightPixels);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Load(byte* row, int offset) => Unsafe.ReadUnaligned<ulong>(row + offset);

    // Byte shuffles that zero-extend one channel of each 32-bit pixel lane.
    private static readonly Vector256<byte> PickRed = ChannelMask(0);
    private static readonly Vector256<byte> PickGreen = ChannelMask(1);
    private static readonly Vector256<byte> PickBlue = ChannelMask(2);

    private static Vector256<byte> ChannelMask(int channel)
    {
        Span<byte> mask = stackalloc byte[32];
        for (var i = 0; i < 32; i++)
            mask[i] = i % 4 == 0 ? (byte)(i % 16 + channel) : (byte)0x80;
        return Vector256.Create<byte>(mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Channel(Vector256<int> tl, Vector256<int> tr, Vector256<int> bl, Vector256<int> br, Vector256<byte> pick, Vector256<float> wx, Vector256<float> wy)
    {
        var ftl = Avx.ConvertToVector256Single(Avx2.Shuffle(tl.AsByte(), pick).AsInt32());
        var ftr = Avx.ConvertToVector256Single(Avx2.Shuffle(tr.AsByte(), pick).AsInt32());
        var fbl = Avx.ConvertToVector256Single(Avx2.Shuffle(bl.AsByte(), pick).AsInt32());
        var fbr = Avx.ConvertToVector256Single(Avx2.Shuffle(br.AsByte(), pick).AsInt32());
        var t = ftl + (ftr - ftl) * wx;
        var b = fbl + (fbr - fbl) * wx;
        return t + (b - t) * wy;
    }
}
