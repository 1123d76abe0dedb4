using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Ilgpu;

/// <summary>One output column's horizontal tap: the byte offset of its left source pixel within a row, and the right pixel's weight.</summary>
internal readonly record struct ColumnTap(int Offset, float Weight);

/// <summary>One output row's vertical taps: byte offsets of its two source rows in the pixel buffer, and the lower row's weight.</summary>
internal readonly record struct RowTap(long Top, long Bottom, float Weight);

/// <summary>
/// The preprocessing plan as the ILGPU kernel reads it: every image starts on an 8-byte boundary so a pixel pair can be
/// read as aligned 64-bit words, and the taps are folded into one table entry per output column and per output row.
/// </summary>
internal static class PreprocessTaps
{
    /// <summary>Bytes after the last image: a pixel pair's second word may reach up to 16 bytes past its first byte.</summary>
    public const int Tail = 16;

    /// <summary>Byte offset of each image in the pixel buffer and the buffer's total length (a multiple of 8).</summary>
    public static long[] Layout(IReadOnlyList<RgbImage> images, out long totalBytes)
    {
        var offsets = new long[images.Count];
        long total = 0;
        for (var i = 0; i < images.Count; i++)
        {
            offsets[i] = total;
            total += (images[i].Pixels.Length + 7) & ~7L;
        }
        totalBytes = total + Tail;
        return offsets;
    }

    /// <summary>
    /// The right tap is always the left pixel's neighbour: where the plan clamps it at an edge its weight is zero, and
    /// a + (b − a)·0 is exactly a, so reading the neighbour (inside the buffer thanks to <see cref="Tail"/>) changes nothing.
    /// </summary>
    public static ColumnTap[] Columns(PreprocessPlan plan)
    {
        var taps = new ColumnTap[plan.X0.Length];
        for (var t = 0; t < taps.Length; t++)
            taps[t] = new ColumnTap(plan.X0[t] * 3, plan.FractionX[t]);
        return taps;
    }

    public static RowTap[] Rows(PreprocessPlan plan, IReadOnlyList<RgbImage> images, long[] offsets)
    {
        var taps = new RowTap[plan.Y0.Length];
        for (var n = 0; n < plan.Batch; n++)
        {
            var stride = images[n].Width * 3L;
            for (var y = 0; y < plan.Height; y++)
            {
                var t = n * plan.Height + y;
                taps[t] = new RowTap(offsets[n] + plan.Y0[t] * stride, offsets[n] + plan.Y1[t] * stride, plan.FractionY[t]);
            }
        }
        return taps;
    }
}
