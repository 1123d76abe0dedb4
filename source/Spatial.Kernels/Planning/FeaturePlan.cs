namespace Spatial.Kernels.Planning;

/// <summary>
/// A validated feature-extraction job. Every backend runs the same two passes over it: per (image row,
/// patch column) partial sums, then per patch a reduction over the patch's rows. Integer sums keep the
/// colour, luminance and dark-pixel features exact on every backend.
/// </summary>
internal sealed class FeaturePlan
{
    /// <summary>Integer luminance weights (BT.601 scaled to 256) and the largest luminance value.</summary>
    public const int LumaR = 77, LumaG = 150, LumaB = 29, LumaMax = 255 * 256;

    /// <summary>Sobel sums of integer luminance to the 0..1 scale, divided by 4 so a full step has magnitude 1.</summary>
    public const float GradientScale = 1f / (4f * LumaMax);

    /// <summary>Long partial sums per (row, patch column): R, G, B, Y, Y², dark pixels.</summary>
    public const int LongSlots = 6;

    public required int Batch { get; init; }
    public required int Grid { get; init; }
    public required int Bins { get; init; }
    public required int FeatureCount { get; init; }
    /// <summary>Integer luminance under which a pixel is dark.</summary>
    public required int DarkLuma { get; init; }
    public required int[] Widths { get; init; }
    public required int[] Heights { get; init; }
    /// <summary>First global row of each image in the partial buffers.</summary>
    public required int[] RowBase { get; init; }
    /// <summary>Image of each global row.</summary>
    public required int[] RowImage { get; init; }
    /// <summary>Byte offset of each image in the concatenated pixels.</summary>
    public required long[] PixelOffset { get; init; }
    /// <summary>Radius, cos, sin of each patch centre, [G*G, 3].</summary>
    public required float[] Polar { get; init; }

    public int TotalRows => RowImage.Length;

    /// <summary>Float partial slots per (row, patch column): gradient sum then the histogram.</summary>
    public int FloatSlots => 1 + Bins;

    public static FeaturePlan Create(IReadOnlyList<RgbImage> images, SpatialFeatureSpec spec, int outputLength)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        int n = images.Count, g = spec.GridSize;
        var expected = (long)n * g * g * spec.FeatureCount;
        if (outputLength != expected)
            throw new ArgumentException($"output needs {expected} floats for [{n}, {g * g}, {spec.FeatureCount}], got {outputLength}");
        var widths = new int[n];
        var heights = new int[n];
        var rowBase = new int[n];
        var offsets = new long[n];
        long rows = 0, bytes = 0;
        for (var i = 0; i < n; i++)
        {
            var image = images[i] ?? throw new ArgumentException($"image {i} is null");
            widths[i] = image.Width;
            heights[i] = image.Height;
            rowBase[i] = (int)rows;
            offsets[i] = bytes;
            rows += image.Height;
            bytes += image.Pixels.Length;
            if (rows > int.MaxValue / Math.Max(1, g * FloatSlotsFor(spec.OrientationBins)))
                throw new ArgumentException("batch too large for one feature-extraction call: split it");
        }
        var rowImage = new int[rows];
        for (var i = 0; i < n; i++)
            rowImage.AsSpan(rowBase[i], heights[i]).Fill(i);
        return new FeaturePlan
        {
            Batch = n, Grid = g, Bins = spec.OrientationBins, FeatureCount = spec.FeatureCount,
            DarkLuma = (int)Math.Ceiling(spec.DarkThreshold * (double)LumaMax),
            Widths = widths, Heights = heights, RowBase = rowBase, RowImage = rowImage, PixelOffset = offsets,
            Polar = PolarTable(g),
        };
    }

    private static int FloatSlotsFor(int bins) => 1 + bins;

    /// <summary>First index of a patch's range along an axis of <paramref name="length"/> pixels; never empty.</summary>
    public static int RangeStart(int index, int length, int grid) => (int)((long)index * length / grid);

    /// <summary>End (exclusive) of a patch's range; at least one pixel, so images smaller than the grid still work.</summary>
    public static int RangeEnd(int index, int length, int grid) =>
        Math.Max(RangeStart(index, length, grid) + 1, (int)((long)(index + 1) * length / grid));

    private static float[] PolarTable(int g)
    {
        var table = new float[g * g * 3];
        for (var i = 0; i < g; i++)
        {
            for (var j = 0; j < g; j++)
            {
                double u = (j + 0.5) / g * 2 - 1, v = (i + 0.5) / g * 2 - 1;
                var r = Math.Sqrt(u * u + v * v);
                var p = (i * g + j) * 3;
                table[p] = (float)(r / Math.Sqrt(2));
                table[p + 1] = r > 1e-12 ? (float)(u / r) : 0f;
                table[p + 2] = r > 1e-12 ? (float)(v / r) : 0f;
            }
        }
        return table;
    }
}
