namespace Spatial.Kernels.Planning;

/// <summary>
/// Shape checks shared by every backend's encoder ops, so all of them refuse the same bad input the same way. Every
/// size is computed with checked 64-bit arithmetic and compared with the real span lengths before any pointer loop
/// runs: a product that wraps (16 x 16 x 2^28 x 2^28 is 2^64, i.e. 0) would otherwise let an empty span through.
/// </summary>
internal static class OpArguments
{
    /// <summary>Largest dimension, kernel size, stride or padding accepted; keeps the ops' int index sums (width + padding) far from overflow.</summary>
    public const int MaxDimension = 1 << 24;

    public static void Conv2d(int input, Conv2dShape s, int weights, int bias, int output)
    {
        if (s.Batch < 0 || s.InChannels < 1 || s.Height < 1 || s.Width < 1 || s.OutChannels < 1 || s.KernelSize < 1 || s.Stride < 1 || s.Padding < 0)
            throw new ArgumentException($"invalid convolution shape {s}");
        if (new[] { s.InChannels, s.Height, s.Width, s.OutChannels, s.KernelSize, s.Stride, s.Padding }.Any(d => d > MaxDimension))
            throw new ArgumentException($"convolution shape {s} has a dimension over {MaxDimension}");
        // In 64 bits: Height + 2 * Padding overflows an int for paddings near int.MaxValue / 2.
        var outHeight = ((long)s.Height + 2L * s.Padding - s.KernelSize) / s.Stride + 1;
        var outWidth = ((long)s.Width + 2L * s.Padding - s.KernelSize) / s.Stride + 1;
        if (s.KernelSize > (long)s.Height + 2L * s.Padding || s.KernelSize > (long)s.Width + 2L * s.Padding || outHeight < 1 || outWidth < 1)
            throw new ArgumentException($"kernel {s.KernelSize} with padding {s.Padding} does not fit a {s.Height}x{s.Width} input");
        Length("input", input, Product(s, s.Batch, s.InChannels, s.Height, s.Width));
        Length("weights", weights, Product(s, s.OutChannels, s.InChannels, s.KernelSize, s.KernelSize));
        Length("bias", bias, s.OutChannels);
        Length("output", output, Product(s, s.Batch, s.OutChannels, outHeight, outWidth));
    }

    public static void Pool(int input, int batch, int channels, int height, int width, int output)
    {
        Positive(batch, channels, height, width);
        var shape = $"pool [{batch}, {channels}, {height}, {width}]";
        Length("input", input, Product(shape, batch, channels, height, width));
        Length("output", output, (long)batch * channels);
    }

    public static void Dense(int input, int batch, int inFeatures, int outFeatures, int weights, int bias, int output)
    {
        Positive(batch, inFeatures, outFeatures, 1);
        Length("input", input, (long)batch * inFeatures);
        Length("weights", weights, (long)outFeatures * inFeatures);
        Length("bias", bias, outFeatures);
        Length("output", output, (long)batch * outFeatures);
    }

    public static void Softmax(int input, int batch, int classes, int output)
    {
        Positive(batch, classes, 1, 1);
        Length("input", input, (long)batch * classes);
        Length("output", output, (long)batch * classes);
    }

    private static void Positive(int batch, int a, int b, int c)
    {
        if (batch < 0 || a < 1 || b < 1 || c < 1)
            throw new ArgumentException($"dimensions must be positive (batch may be 0), got {batch}, {a}, {b}, {c}");
    }

    private static long Product(object shape, params long[] factors)
    {
        try
        {
            return factors.Aggregate(1L, (product, factor) => checked(product * factor));
        }
        catch (OverflowException)
        {
            throw new ArgumentException($"{shape}: {string.Join(" x ", factors)} elements overflow a 64-bit count");
        }
    }

    private static void Length(string name, int actual, long expected)
    {
        if (actual != expected)
            throw new ArgumentException($"{name} needs {expected} floats, got {actual}");
    }
}
