namespace Spatial.Kernels.Tests;

/// <summary>Comparisons for the kernel tests; the inputs themselves are in TestImages.Inputs.cs.</summary>
internal static partial class TestImages
{
    /// <summary>Largest |a - b|; the arrays must have the same length.</summary>
    public static double MaxAbsDiff(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Assert.That(a.Length, Is.EqualTo(b.Length), "lengths differ");
        double max = 0;
        for (var i = 0; i < a.Length; i++)
        {
            Assert.That(float.IsFinite(a[i]) && float.IsFinite(b[i]), $"non-finite value at {i}: {a[i]} vs {b[i]}");
            max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
        }
        return max;
    }
}
