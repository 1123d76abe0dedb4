using System.Runtime.Intrinsics;
using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Cpu;

/// <summary>
/// One thread's buffers for feature extraction (three padded luminance rows, the Sobel column sums and one patch row's
/// accumulators), reused across its work items so a call allocates once per thread, not per row.
/// </summary>
internal sealed class FeatureScratch
{
    public FeatureScratch(int maxWidth, int grid, int bins)
    {
        // One replicated pixel on each side, then a vector of slack so masked lanes never read past the end.
        var padded = maxWidth + 2 + 2 * Vector256<int>.Count;
        RowA = new int[padded];
        RowB = new int[padded];
        RowC = new int[padded];
        Vertical = new int[padded];
        Difference = new int[padded];
        Sums = new long[grid * FeaturePlan.LongSlots];
        Gradient = new double[grid];
        Histogram = new double[grid * bins];
        Bins = new float[bins];
    }

    /// <summary>Padded luminance rows, rotated as up / middle / down while walking down a patch row.</summary>
    public int[] RowA { get; }

    /// <inheritdoc cref="RowA"/>
    public int[] RowB { get; }

    /// <inheritdoc cref="RowA"/>
    public int[] RowC { get; }

    /// <summary>Per padded column: up + 2·middle + down (the Sobel x taps).</summary>
    public int[] Vertical { get; }

    /// <summary>Per padded column: down − up (the Sobel y taps).</summary>
    public int[] Difference { get; }

    /// <summary>Exact integer sums per patch column: R, G, B, Y, Y², dark pixels.</summary>
    public long[] Sums { get; }

    /// <summary>Gradient magnitude sums per patch column, as the sum of each row's float partial.</summary>
    public double[] Gradient { get; }

    /// <summary>Orientation histograms per patch column, [grid, bins].</summary>
    public double[] Histogram { get; }

    /// <summary>One row segment's histogram when there are too many bins to keep one vector per bin.</summary>
    public float[] Bins { get; }

    public void Clear()
    {
        Array.Clear(Sums);
        Array.Clear(Gradient);
        Array.Clear(Histogram);
    }
}
