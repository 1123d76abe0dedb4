using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Algorithms;
using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Ilgpu;

/// <summary>
/// The kernels CUDA and ILGPU's CPU accelerator share. Every kernel is explicitly grouped and walks its
/// work with a grid-stride loop, so the launch configuration (never auto-grouping) decides how it is spread.
/// </summary>
internal static class IlgpuKernels
{
    private static int First => Grid.IdxX * Group.DimX + Group.IdxX;

    private static int Stride => Grid.DimX * Group.DimX;

    /// <summary>
    /// One item = a chunk of ChunkWidth pixels of one output row of one image. Each source row's pixel pair (6 bytes)
    /// is read as one or two aligned 64-bit words: on the CPU accelerator every view access is a checked call, so
    /// fewer, wider reads are what make it fast; on a GPU they are fewer memory transactions.
    /// </summary>
    public static void Preprocess(PreprocessArgs a, ArrayView<ulong> pixels, ArrayView<ColumnTap> columns, ArrayView<RowTap> rows,
        ArrayView<float> output, ArrayView<ulong> outputPairs, ArrayView<ColumnTapQuad> columnQuads, ArrayView<OutputQuad> outputQuads,
        ArrayView<int> claimed)
    {
        var chunks = (a.Width + a.ChunkWidth - 1) / a.ChunkWidth;
        var items = a.Batch * a.Height * chunks;
        var plane = a.Width * a.Height;
        // Either a grid-stride walk or, with ClaimItems, each thread claims its next item from a counter (zeroed by the host).
        var item = a.ClaimItems != 0 ? Atomic.Add(ref claimed[0], 1) : First;
        while (item < items)
        {
            var row = item / chunks;
            var n = row / a.Height;
            var y = row - n * a.Height;
            var x = (item - row * chunks) * a.ChunkWidth;
            var xEnd = XMath.Min(x + a.ChunkWidth, a.Width);
            var taps = rows[row];
            var outR = n * 3 * plane + y * a.Width;
            var firstColumn = n * a.Width;
            if (a.StoreWidth == 4)
                x = PreprocessQuads(a, pixels, columnQuads, outputQuads, taps, firstColumn, outR, plane, x, xEnd);
            else if (a.StoreWidth == 2)
                x = PreprocessPairs(a, pixels, columns, outputPairs, taps, firstColumn, outR, plane, x, xEnd);
            for (; x < xEnd; x++)
            {
                var column = columns[firstColumn + x];
                var top = PixelPair(pixels, taps.Top + column.Offset);
                var bottom = PixelPair(pixels, taps.Bottom + column.Offset);
                output[outR + x] = Bilinear(top, bottom, 0, column.Weight, taps.Weight) * a.ScaleR + a.BiasR;
                output[outR + plane + x] = Bilinear(top, bottom, 8, column.Weight, taps.Weight) * a.ScaleG + a.BiasG;
                output[outR + 2 * plane + x] = Bilinear(top, bottom, 16, column.Weight, taps.Weight) * a.ScaleB + a.BiasB;
            }
            item = a.ClaimItems != 0 ? Atomic.Add(ref claimed[0], 1) : item + Stride;
        }
    }

    /// <summary>
    /// Outputs [x, xEnd) of one row, two neighbouring outputs per 64-bit store (even width and chunk start); returns
    /// the first output left undone. Its own method so the JIT's inlining budget covers every view access in it.
    /// Taps move left to right, so the last word read from each source row is often the next tap's first word.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int PreprocessPairs(PreprocessArgs a, ArrayView<ulong> pixels, ArrayView<ColumnTap> columns, ArrayView<ulong> outputPairs,
        RowTap taps, int firstColumn, int outR, int plane, int x, int xEnd)
    {
        long topIndex = -1, bottomIndex = -1;
        ulong topWord = 0, bottomWord = 0;
        for (; x + 1 < xEnd; x += 2)
        {
            var c0 = columns[firstColumn + x];
            var c1 = columns[firstColumn + x + 1];
            var top0 = PixelPair(pixels, taps.Top + c0.Offset, ref topIndex, ref topWord);
            var bottom0 = PixelPair(pixels, taps.Bottom + c0.Offset, ref bottomIndex, ref bottomWord);
            var top1 = PixelPair(pixels, taps.Top + c1.Offset, ref topIndex, ref topWord);
            var bottom1 = PixelPair(pixels, taps.Bottom + c1.Offset, ref bottomIndex, ref bottomWord);
            var pair = (outR + x) >> 1;
            outputPairs[pair] = Pack(
                Bilinear(top0, bottom0, 0, c0.Weight, taps.Weight) * a.ScaleR + a.BiasR,
                Bilinear(top1, bottom1, 0, c1.Weight, taps.Weight) * a.ScaleR + a.BiasR);
            outputPairs[pair + (plane >> 1)] = Pack(
                Bilinear(top0, bottom0, 8, c0.Weight, taps.Weight) * a.ScaleG + a.BiasG,
                Bilinear(top1, bottom1, 8, c1.Weight, taps.Weight) * a.ScaleG + a.BiasG);
            outputPairs[pair + plane] = Pack(
                Bilinear(top0, bottom0, 16, c0.Weight, taps.Weight) * a.ScaleB + a.BiasB,
                Bilinear(top1, bottom1, 16, c1.Weight, taps.Weight) * a.ScaleB + a.BiasB);
        }
        return x;
    }

    /// <summary>
    /// Outputs [x, xEnd) of one row, four neighbouring outputs per column-tap read and per store (row width and chunk
    /// start multiples of four); returns the first output left undone. Like <see cref="PreprocessPairs"/> otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int PreprocessQuads(PreprocessArgs a, ArrayView<ulong> pixels, ArrayView<ColumnTapQuad> columnQuads,
        ArrayView<OutputQuad> outputQuads, RowTap taps, int firstColumn, int outR, int plane, int x, int xEnd)
    {
        long topIndex = -1, bottomIndex = -1;
        ulong topWord = 0, bottomWord = 0;
        for (; x + 3 < xEnd; x += 4)
        {
            var c = columnQuads[(firstColumn + x) >> 2];
            var top0 = PixelPair(pixels, taps.Top + c.A.Offset, ref topIndex, ref topWord);
            var bottom0 = PixelPair(pixels, taps.Bottom + c.A.Offset, ref bottomIndex, ref bottomWord);
            var top1 = PixelPair(pixels, taps.Top + c.B.Offset, ref topIndex, ref topWord);
            var bottom1 = PixelPair(pixels, taps.Bottom + c.B.Offset, ref bottomIndex, ref bottomWord);
            var top2 = PixelPair(pixels, taps.Top + c.C.Offset, ref topIndex, ref topWord);
            var bottom2 = PixelPair(pixels, taps.Bottom + c.C.Offset, ref bottomIndex, ref bottomWord);
            var top3 = PixelPair(pixels, taps.Top + c.D.Offset, ref topIndex, ref topWord);
            var bottom3 = PixelPair(pixels, taps.Bottom + c.D.Offset, ref bottomIndex, ref bottomWord);
            var quad = (outR + x) >> 2;
            outputQuads[quad] = new OutputQuad(
                Bilinear(top0, bottom0, 0, c.A.Weight, taps.Weight) * a.ScaleR + a.BiasR,
                Bilinear(top1, bottom1, 0, c.B.Weight, taps.Weight) * a.ScaleR + a.BiasR,
                Bilinear(top2, bottom2, 0, c.C.Weight, taps.Weight) * a.ScaleR + a.BiasR,
                Bilinear(top3, bottom3, 0, c.D.Weight, taps.Weight) * a.ScaleR + a.BiasR);
            outputQuads[quad + (plane >> 2)] = new OutputQuad(
                Bilinear(top0, bottom0, 8, c.A.Weight, taps.Weight) * a.ScaleG + a.BiasG,
                Bilinear(top1, bottom1, 8, c.B.Weight, taps.Weight) * a.ScaleG + a.BiasG,
                Bilinear(top2, bottom2, 8, c.C.Weight, taps.Weight) * a.ScaleG + a.BiasG,
                Bilinear(top3, bottom3, 8, c.D.Weight, taps.Weight) * a.ScaleG + a.BiasG);
            outputQuads[quad + (plane >> 1)] = new OutputQuad(
                Bilinear(top0, bottom0, 16, c.A.Weight, taps.Weight) * a.ScaleB + a.BiasB,
                Bilinear(top1, bottom1, 16, c.B.Weight, taps.Weight) * a.ScaleB + a.BiasB,
                Bilinear(top2, bottom2, 16, c.C.Weight, taps.Weight) * a.ScaleB + a.BiasB,
                Bilinear(top3, bottom3, 16, c.D.Weight, taps.Weight) * a.ScaleB + a.BiasB);
        }
        return x;
    }

    /// <summary>Two floats as one little-endian 64-bit word: <paramref name="first"/> at the lower address.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pack(float first, float second) => Interop.FloatAsInt(first) | ((ulong)Interop.FloatAsInt(second) << 32);

    /// <summary>The 6 bytes (R, G, B of two neighbouring pixels) starting at byte <paramref name="offset"/>, little-endian.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PixelPair(ArrayView<ulong> pixels, long offset)
    {
        var word = offset >> 3;
        var shift = (int)(offset & 7) * 8;
        var value = pixels[word] >> shift;
        // Only a pair that starts in the word's last five bytes spills into the next word.
        if (shift > 16)
            value |= pixels[word + 1] << (64 - shift);
        return value;
    }

    /// <summary>
    /// <see cref="PixelPair(ArrayView{ulong}, long)"/> that remembers the last word it read (index and value), so a
    /// word shared by neighbouring taps is read once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PixelPair(ArrayView<ulong> pixels, long offset, ref long cachedIndex, ref ulong cachedWord)
    {
        var word = offset >> 3;
        var shift = (int)(offset & 7) * 8;
        if (word != cachedIndex)
        {
            cachedWord = pixels[word];
            cachedIndex = word;
        }
        var value = cachedWord >> shift;
        if (shift > 16)
        {
            cachedWord = pixels[word + 1];
            cachedIndex = word + 1;
            value |= cachedWord << (64 - shift);
        }
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Bilinear(ulong top, ulong bottom, int channel, float wx, float wy)
    {
        float a = (int)((top >> channel) & 0xFF), b = (int)((top >> (channel + 24)) & 0xFF);
        float c = (int)((bottom >> channel) & 0xFF), d = (int)((bottom >> (channel + 24)) & 0xFF);
        var upper = a + (b - a) * wx;
        var lower = c + (d - c) * wx;
        return upper + (lower - upper) * wy;
    }

    private static int Luma(ArrayView<byte> p, long o) =>
        FeaturePlan.LumaR * p[o] + FeaturePlan.LumaG * p[o + 1] + FeaturePlan.LumaB * p[o + 2];

    /// <summary>Pass 1: one item = one image row across one patch column; writes that row's partial sums.</summary>
    public static void FeatureRows(FeatureArgs a, ArrayView<byte> pixels, ArrayView<long> pixelOffset, ArrayView<int> widths,
        ArrayView<int> heights, ArrayView<int> rowBase, ArrayView<int> rowImage, ArrayView<long> longs, ArrayView<float> floats)
    {
        var items = a.TotalRows * a.Grid;
        var floatSlots = 1 + a.Bins;
        for (var item = First; item < items; item += Stride)
        {
            var row = item / a.Grid;
            var j = item - row * a.Grid;
            var n = rowImage[row];
            int width = widths[n], height = heights[n], r = row - rowBase[n];
            var cs = (int)((long)j * width / a.Grid);
            var ce = XMath.Max(cs + 1, (int)((long)(j + 1) * width / a.Grid));
            var baseOffset = pixelOffset[n];
            var up = baseOffset + XMath.Max(r - 1, 0) * (long)width * 3;
            var mid = baseOffset + r * (long)width * 3;
            var down = baseOffset + XMath.Min(r + 1, height - 1) * (long)width * 3;
            long left = XMath.Max(cs - 1, 0) * 3;
            int u0 = Luma(pixels, up + left), m0 = Luma(pixels, mid + left), d0 = Luma(pixels, down + left);
            int u1 = Luma(pixels, up + cs * 3L), m1 = Luma(pixels, mid + cs * 3L), d1 = Luma(pixels, down + cs * 3L);
            long sr = 0, sg = 0, sb = 0, sy = 0, syy = 0, dark = 0;
            var grad = 0f;
            var f0 = (long)item * floatSlots;
            for (var k = 1; k < floatSlots; k++)
                floats[f0 + k] = 0f;
            for (var c = cs; c < ce; c++)
            {
                long right = XMath.Min(c + 1, width - 1) * 3;
                int u2 = Luma(pixels, up + right), m2 = Luma(pixels, mid + right), d2 = Luma(pixels, down + right);
                var o = mid + c * 3L;
                sr += pixels[o];
                sg += pixels[o + 1];
                sb += pixels[o + 2];
                sy += m1;
                syy += (long)m1 * m1;
                if (m1 < a.DarkLuma)
                    dark++;
                var gx = (u2 + 2 * m2 + d2 - (u0 + 2 * m0 + d0)) * FeaturePlan.GradientScale;
                var gy = (d0 + 2 * d1 + d2 - (u0 + 2 * u1 + u2)) * FeaturePlan.GradientScale;
                var magnitude = XMath.Sqrt(gx * gx + gy * gy);
                grad += magnitude;
                if (magnitude > 0f)
                {
                    var theta = XMath.Atan2(gy, gx);
                    if (theta < 0f)
                        theta += XMath.PI;
                    var position = theta * (a.Bins / XMath.PI) - 0.5f;
                    var b0 = (int)XMath.Floor(position);
                    var f = position - b0;
                    if (b0 < 0)
                        b0 += a.Bins;
                    if (b0 >= a.Bins)
                        b0 -= a.Bins;
                    var b1 = b0 + 1 >= a.Bins ? b0 + 1 - a.Bins : b0 + 1;
                    floats[f0 + 1 + b0] += magnitude * (1f - f);
                    floats[f0 + 1 + b1] += magnitude * f;
                }
                u0 = u1; m0 = m1; d0 = d1;
                u1 = u2; m1 = m2; d1 = d2;
            }
            var l0 = (long)item * FeaturePlan.LongSlots;
            longs[l0] = sr;
            longs[l0 + 1] = sg;
            longs[l0 + 2] = sb;
            longs[l0 + 3] = sy;
            longs[l0 + 4] = syy;
            longs[l0 + 5] = dark;
            floats[f0] = grad;
        }
    }

    /// <summary>Pass 2: one item = one patch of one image; reduces the patch's rows into its F features.</summary>
    public static void FeaturePatches(FeatureArgs a, ArrayView<int> widths, ArrayView<int> heights, ArrayView<int> rowBase,
        ArrayView<long> longs, ArrayView<float> floats, ArrayView<float> polar, ArrayView<float> output)
    {
        var patches = a.Grid * a.Grid;
        var items = a.Batch * patches;
        var floatSlots = 1 + a.Bins;
        for (var item = First; item < items; item += Stride)
        {
            var n = item / patches;
            var patch = item - n * patches;
            var pi = patch / a.Grid;
            var pj = patch - pi * a.Grid;
            int rs = (int)((long)pi * heights[n] / a.Grid), re = XMath.Max(rs + 1, (int)((long)(pi + 1) * heights[n] / a.Grid));
            int cs = (int)((long)pj * widths[n] / a.Grid), ce = XMath.Max(cs + 1, (int)((long)(pj + 1) * widths[n] / a.Grid));
            long sr = 0, sg = 0, sb = 0, sy = 0, syy = 0, dark = 0;
            double grad = 0;
            for (var r = rs; r < re; r++)
            {
                var slot = (long)(rowBase[n] + r) * a.Grid + pj;
                var l = slot * FeaturePlan.LongSlots;
                sr += longs[l];
                sg += longs[l + 1];
                sb += longs[l + 2];
                sy += longs[l + 3];
                syy += longs[l + 4];
                dark += longs[l + 5];
                grad += floats[slot * floatSlots];
            }
            double count = (double)(re - rs) * (ce - cs);
            var o = (long)item * a.FeatureCount;
            output[o + SpatialFeatureLayout.MeanRed] = (float)(sr / (255.0 * count));
            output[o + SpatialFeatureLayout.MeanGreen] = (float)(sg / (255.0 * count));
            output[o + SpatialFeatureLayout.MeanBlue] = (float)(sb / (255.0 * count));
            var variance = XMath.Max(0.0, (syy - (double)sy * sy / count) / count);
            output[o + SpatialFeatureLayout.LuminanceStd] = (float)(XMath.Sqrt(variance) / FeaturePlan.LumaMax);
            output[o + SpatialFeatureLayout.GradientMean] = (float)(grad / count);
            output[o + SpatialFeatureLayout.DarkFraction] = (float)(dark / count);
            output[o + SpatialFeatureLayout.PolarRadius] = polar[patch * 3];
            output[o + SpatialFeatureLayout.PolarCos] = polar[patch * 3 + 1];
            output[o + SpatialFeatureLayout.PolarSin] = polar[patch * 3 + 2];
            for (var k = 0; k < a.Bins; k++)
            {
                double bin = 0;
                for (var r = rs; r < re; r++)
                    bin += floats[((long)(rowBase[n] + r) * a.Grid + pj) * floatSlots + 1 + k];
                output[o + SpatialFeatureLayout.OrientationStart + k] = (float)(bin / count);
            }
        }
    }

    /// <summary>One item = one output element; accumulates bias, then input channel, kernel row, kernel column.</summary>
    public static void Conv2d(ConvArgs s, ArrayView<float> input, ArrayView<float> weights, ArrayView<float> bias, ArrayView<float> output)
    {
        var items = s.Batch * s.OutChannels * s.OutHeight * s.OutWidth;
        for (var item = First; item < items; item += Stride)
        {
            var ox = item % s.OutWidth;
            var rest = item / s.OutWidth;
            var oy = rest % s.OutHeight;
            rest /= s.OutHeight;
            var co = rest % s.OutChannels;
            var n = rest / s.OutChannels;
            var acc = bias[co];
            for (var ci = 0; ci < s.InChannels; ci++)
            {
                var inputBase = (n * s.InChannels + ci) * s.Height;
                var weightBase = (co * s.InChannels + ci) * s.KernelSize;
                for (var ky = 0; ky < s.KernelSize; ky++)
                {
                    var iy = oy * s.Stride - s.Padding + ky;
                    if (iy < 0 || iy >= s.Height)
                        continue;
                    for (var kx = 0; kx < s.KernelSize; kx++)
                    {
                        var ix = ox * s.Stride - s.Padding + kx;
                        if (ix < 0 || ix >= s.Width)
                            continue;
                        acc += weights[(weightBase + ky) * s.KernelSize + kx] * input[(inputBase + iy) * s.Width + ix];
                    }
                }
            }
            output[item] = s.Relu != 0 && acc < 0f ? 0f : acc;
        }
    }

    /// <summary>One item = one (image, channel) plane. A = channels, B = height * width.</summary>
    public static void GlobalAveragePool(OpArgs a, ArrayView<float> input, ArrayView<float> output)
    {
        var items = a.Batch * a.A;
        for (var item = First; item < items; item += Stride)
        {
            var sum = 0f;
            var start = (long)item * a.B;
            for (var k = 0; k < a.B; k++)
                sum += input[start + k];
            output[item] = sum / a.B;
        }
    }

    /// <summary>One item = one output of one row. A = in features, B = out features.</summary>
    public static void Dense(OpArgs a, ArrayView<float> input, ArrayView<float> weights, ArrayView<float> bias, ArrayView<float> output)
    {
        var items = a.Batch * a.B;
        for (var item = First; item < items; item += Stride)
        {
            var n = item / a.B;
            var o = item - n * a.B;
            var acc = 0f;
            for (var i = 0; i < a.A; i++)
                acc += input[n * a.A + i] * weights[o * a.A + i];
            acc += bias[o];
            output[item] = a.Relu != 0 && acc < 0f ? 0f : acc;
        }
    }

    /// <summary>One item = one row. A = classes. Subtracting the row maximum keeps exp finite.</summary>
    public static void Softmax(OpArgs a, ArrayView<float> input, ArrayView<float> output)
    {
        for (var n = First; n < a.Batch; n += Stride)
        {
            var start = n * a.A;
            var max = input[start];
            for (var c = 1; c < a.A; c++)
                max = XMath.Max(max, input[start + c]);
            var sum = 0f;
            for (var c = 0; c < a.A; c++)
            {
                var e = XMath.Exp(input[start + c] - max);
                output[start + c] = e;
                sum += e;
            }
            for (var c = 0; c < a.A; c++)
                output[start + c] /= sum;
        }
    }
}
