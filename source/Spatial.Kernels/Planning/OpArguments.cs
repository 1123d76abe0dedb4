namespace Spatial.Kernels.Planning;

/// <summary>Shape checks shared by every backend's encoder ops, so all of them refuse the same bad input the same way.</summary>
internal static class OpArguments
{
    public static void Conv2d(int input, Conv2dShape s, int weights, int bias, int output)
    {
        if (s.Batch < 0 || s.InChannels < 1 || s.Height < 1 || s.Width < 1 || s.OutChannels < 1 || s.KernelSize < 1 || s.Stride < 1 || s.Padding < 0)
            throw new ArgumentException($"invalid convolution shape {s}");
        if (s.OutHeight < 1 || s.OutWidth < 1)
            throw new ArgumentException($"kernel {s.KernelSize} with padding {s.Padding} does not fit a {s.Height}x{s.Width} input");
        Length("input", input, (long)s.Batch * s.InChannels * s.Height * s.Width);
        Length("weights", weights, (long)s.OutChannels * s.InChannels * s.KernelSize * s.KernelSize);
        Length("bias", bias, s.OutChannels);
        Length("output", output, (long)s.Batch * s.OutChannels * s.OutHeight * s.OutWidth);
    }

    public static void Pool(int input, int batch, int channels, int height, int width, int output)
    {
        Positive(batch, channels, height, width);
        Length("input", input, (long)batch * channels * height * width);
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

    private static void Length(string name, int actual, long expected)
    {
        if (actual != expected)
            throw new ArgumentException($"{name} needs {expected} floats, got {actual}");
    }
}
