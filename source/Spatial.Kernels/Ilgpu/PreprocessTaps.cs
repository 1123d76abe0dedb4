using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Ilgpu;

/// <summary>One output column's horizontal tap: the byte offset of its left source pixel within a row, and the right pixel's weight.</summary>
internal readonly record struct ColumnTap(int Offset, float Weight);

/// <summary>Four neighbouring output columns' taps, read as one element.</summary>
internal readonly record struct ColumnTapQuad(ColumnTap A, ColumnTap B, ColumnTap C, ColumnTap D);

/// <summary>Four neighbouring outputs of one plane, written as one element.</summary>
internal readonly record struct OutputQuad(float A, float B, float C, float D);

/// <summary>One output row's vertical taps: byte offsets of its two source rows in the pixel buffer, and the lower row's weight.</summary>
internal readonly record struct RowTap(long Top, long Bottom, float Weight);

/// <summary>
/// The whole-image pixel buffer layout (every image starts on an 8-byte boundary, so pixels can be read as aligned
/// 64-bit words) and the padding the 64-bit pixel-pair reads need. Preprocessing uploads <see cref="TappedPixels"/> instead.
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
}
