using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Ilgpu;

/// <summary>
/// The source pixels preprocessing reads, compacted: per image only the rows some output row taps, and in them only the
/// columns from the first left tap to the last right tap, rows back to back. A 224×224 centre crop of 1024×768 touches
/// 448 of 768 rows and 768 of 1024 columns, so less than half of each image is copied to the device.
/// </summary>
internal sealed class TappedPixels
{
    private readonly long[] _imageOffset;
    private readonly int[] _firstColumn;
    private readonly int[] _rowBytes;
    private readonly int[][] _sourceRows;

    private TappedPixels(long[] imageOffset, int[] firstColumn, int[] rowBytes, int[][] sourceRows, long dataBytes)
    {
        DataBytes = dataBytes;
        // Whole 64-bit words (the kernel views the buffer as such) and a tail for the last pixel pair's second word.
        TotalBytes = ((dataBytes + 7) & ~7L) + PreprocessTaps.Tail;
        _imageOffset = imageOffset;
        _firstColumn = firstColumn;
        _rowBytes = rowBytes;
        _sourceRows = sourceRows;
    }

    /// <summary>Bytes of compacted rows.</summary>
    public long DataBytes { get; }

    /// <summary>Bytes of the buffer: the rows, padded to whole 64-bit words, and <see cref="PreprocessTaps.Tail"/> bytes.</summary>
    public long TotalBytes { get; }

    public static TappedPixels Create(PreprocessPlan plan)
    {
        int n = plan.Batch, w = plan.Width, h = plan.Height;
        var imageOffset = new long[n];
        var firstColumn = new int[n];
        var rowBytes = new int[n];
        var sourceRows = new int[n][];
        long total = 0;
        for (var i = 0; i < n; i++)
        {
            int first = int.MaxValue, last = 0;
            for (var x = i * w; x < (i + 1) * w; x++)
            {
                first = Math.Min(first, plan.X0[x]);
                last = Math.Max(last, plan.X1[x]);
            }
            var rows = new SortedSet<int>();
            for (var y = i * h; y < (i + 1) * h; y++)
            {
                rows.Add(plan.Y0[y]);
                rows.Add(plan.Y1[y]);
            }
            imageOffset[i] = total;
            firstColumn[i] = first;
            rowBytes[i] = (last - first + 1) * 3;
            sourceRows[i] = [.. rows];
            total += (long)rowBytes[i] * sourceRows[i].Length;
        }
        return new TappedPixels(imageOffset, firstColumn, rowBytes, sourceRows, total);
    }

    /// <summary>Copies the tapped rows of every image to <paramref name="destination"/> (at least <see cref="TotalBytes"/> long), images in parallel.</summary>
    public unsafe void CopyTo(IReadOnlyList<RgbImage> images, byte* destination)
    {
        var target = (nint)destination;
        Parallel.For(0, images.Count, i =>
        {
            var stride = images[i].Width * 3L;
            var rows = _sourceRows[i];
            var bytes = _rowBytes[i];
            fixed (byte* source = images[i].Pixels.Span)
            {
                var from = source + _firstColumn[i] * 3L;
                var to = (byte*)target + _imageOffset[i];
                for (var r = 0; r < rows.Length; r++)
                    Buffer.MemoryCopy(from + rows[r] * stride, to + (long)r * bytes, bytes, bytes);
            }
        });
        // The padding is read (with weight zero) by the last pixel pair: keep it deterministic.
        new Span<byte>(destination + DataBytes, (int)(TotalBytes - DataBytes)).Clear();
    }

    /// <summary>
    /// One tap per output column (padded to a multiple of four, so the table can also be read as <see cref="ColumnTapQuad"/>):
    /// the left pixel's byte offset within a compacted row, and the right pixel's weight.
    /// The right tap is always the left pixel's neighbour: where the plan clamps it at an edge its weight is zero, and
    /// a + (b − a)·0 is exactly a, so reading the neighbour (the next row's first pixel or the tail) changes nothing.
    /// </summary>
    public ColumnTap[] Columns(PreprocessPlan plan)
    {
        var taps = new ColumnTap[(plan.X0.Length + 3) & ~3];
        for (var t = 0; t < plan.X0.Length; t++)
            taps[t] = new ColumnTap((plan.X0[t] - _firstColumn[t / plan.Width]) * 3, plan.FractionX[t]);
        return taps;
    }

    /// <summary>One tap per output row: byte offsets of its two compacted source rows, and the lower row's weight.</summary>
    public RowTap[] Rows(PreprocessPlan plan)
    {
        var taps = new RowTap[plan.Y0.Length];
        for (var t = 0; t < taps.Length; t++)
        {
            var i = t / plan.Height;
            taps[t] = new RowTap(RowOffset(i, plan.Y0[t]), RowOffset(i, plan.Y1[t]), plan.FractionY[t]);
        }
        return taps;
    }

    private long RowOffset(int image, int sourceRow) =>
        _imageOffset[image] + (long)Array.BinarySearch(_sourceRows[image], sourceRow) * _rowBytes[image];
}
