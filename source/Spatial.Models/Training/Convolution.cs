namespace Spatial.Models.Training;

/// <summary>
/// Managed 2-D convolution for one sample (forward and backward), with the same semantics as
/// <c>IKernelBackend.Conv2d</c>: weights [out, in, k, k], bias [out], symmetric zero padding.
/// Scalar loops in a fixed order, so results are reproducible bit for bit.
/// </summary>
internal static class Convolution
{
    /// <summary>output [Cout, Ho, Wo] = conv(input [Cin, H, W]) + bias, then ReLU when asked.</summary>
    public static void Forward(ConvGeometry g, float[] input, float[] weights, float[] bias, float[] output)
    {
        var outPlane = g.OutHeight * g.OutWidth;
        for (var co = 0; co < g.OutChannels; co++)
        {
            Array.Fill(output, bias[co], co * outPlane, outPlane);
            for (var ci = 0; ci < g.InChannels; ci++)
            {
                for (var ky = 0; ky < g.Kernel; ky++)
                {
                    for (var kx = 0; kx < g.Kernel; kx++)
                    {
                        var w = weights[((co * g.InChannels + ci) * g.Kernel + ky) * g.Kernel + kx];
                        var (oxStart, oxEnd) = g.ValidOutputRange(kx, g.Width, g.OutWidth);
                        for (var oy = 0; oy < g.OutHeight; oy++)
                        {
                            var iy = oy * g.Stride + ky - g.Padding;
                            if (iy < 0 || iy >= g.Height)
                                continue;
                            var inRow = (ci * g.Height + iy) * g.Width + kx - g.Padding;
                            var outRow = co * outPlane + oy * g.OutWidth;
                            for (var ox = oxStart; ox < oxEnd; ox++)
                                output[outRow + ox] += w * input[inRow + ox * g.Stride];
                        }
                    }
                }
            }
        }
        if (g.Relu)
        {
            for (var i = 0; i < g.OutChannels * outPlane; i++)
                output[i] = Math.Max(output[i], 0f);
        }
    }

    /// <summary>
    /// Accumulates weight and bias gradients from <paramref name="outputGrad"/> (already masked by the ReLU)
    /// and, when <paramref name="inputGrad"/> is not null, writes the input gradient.
    /// </summary>
    public static void Backward(ConvGeometry g, float[] input, float[] weights, float[] outputGrad, float[] weightGrad, float[] biasGrad, float[]? inputGrad)
    {
        var outPlane = g.OutHeight * g.OutWidth;
        if (inputGrad is not null)
            Array.Clear(inputGrad, 0, g.InChannels * g.Height * g.Width);
        for (var co = 0; co < g.OutChannels; co++)
        {
            var sum = 0f;
            for (var i = 0; i < outPlane; i++)
                sum += outputGrad[co * outPlane + i];
            biasGrad[co] += sum;
            for (var ci = 0; ci < g.InChannels; ci++)
            {
                for (var ky = 0; ky < g.Kernel; ky++)
                {
                    for (var kx = 0; kx < g.Kernel; kx++)
                    {
                        var wIndex = ((co * g.InChannels + ci) * g.Kernel + ky) * g.Kernel + kx;
                        var w = weights[wIndex];
                        var (oxStart, oxEnd) = g.ValidOutputRange(kx, g.Width, g.OutWidth);
                        var acc = 0f;
                        for (var oy = 0; oy < g.OutHeight; oy++)
                        {
                            var iy = oy * g.Stride + ky - g.Padding;
                            if (iy < 0 || iy >= g.Height)
                                continue;
                            var inRow = (ci * g.Height + iy) * g.Width + kx - g.Padding;
                            var outRow = co * outPlane + oy * g.OutWidth;
                            for (var ox = oxStart; ox < oxEnd; ox++)
                            {
                                var grad = outputGrad[outRow + ox];
                                acc += grad * input[inRow + ox * g.Stride];
                                if (inputGrad is not null)
                                    inputGrad[inRow + ox * g.Stride] += w * grad;
                            }
                        }
                        weightGrad[wIndex] += acc;
                    }
                }
            }
        }
    }
}

/// <summary>Geometry of one convolution on one sample.</summary>
internal readonly record struct ConvGeometry(int InChannels, int Height, int Width, int OutChannels, int Kernel, int Stride, int Padding, bool Relu)
{
    public int OutHeight => (Height + 2 * Padding - Kernel) / Stride + 1;

    public int OutWidth => (Width + 2 * Padding - Kernel) / Stride + 1;

    /// <summary>Output columns [start, end) whose input column for kernel offset <paramref name="kx"/> lies inside the image.</summary>
    public (int Start, int End) ValidOutputRange(int kx, int width, int outWidth)
    {
        var start = 0;
        while (start < outWidth && start * Stride + kx - Padding < 0)
            start++;
        var end = outWidth;
        while (end > start && (end - 1) * Stride + kx - Padding >= width)
            end--;
        return (start, end);
    }
}
