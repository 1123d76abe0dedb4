using System.Numerics.Tensors;
using Spatial.Kernels.Planning;

namespace Spatial.Kernels.Cpu;

/// <summary>
/// Encoder ops on the CPU. The convolution accumulates every output in the kernels' order (bias, then
/// input channel, kernel row, kernel column) so it matches them to rounding; rows of stride-1 layers are SIMD.
/// </summary>
internal static unsafe class CpuEncoderOps
{
    public static void Conv2d(ReadOnlySpan<float> input, Conv2dShape s, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int parallelism)
    {
        OpArguments.Conv2d(input.Length, s, weights.Length, bias.Length, output.Length);
        fixed (float* pin = input, pw = weights, pb = bias, pout = output)
        {
            nint inAddress = (nint)pin, wAddress = (nint)pw, bAddress = (nint)pb, outAddress = (nint)pout;
            Parallel.For(0, s.Batch * s.OutChannels, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, item =>
                ConvPlane(s, item / s.OutChannels, item % s.OutChannels, (float*)inAddress, (float*)wAddress, (float*)bAddress, (float*)outAddress));
        }
    }

    private static void ConvPlane(Conv2dShape s, int n, int co, float* input, float* weights, float* bias, float* output)
    {
        int oh = s.OutHeight, ow = s.OutWidth, k = s.KernelSize;
        var plane = new Span<float>(output + ((long)n * s.OutChannels + co) * oh * ow, oh * ow);
        plane.Fill(bias[co]);
        for (var ci = 0; ci < s.InChannels; ci++)
        {
            var source = input + ((long)n * s.InChannels + ci) * s.Height * s.Width;
            for (var ky = 0; ky < k; ky++)
            {
                for (var kx = 0; kx < k; kx++)
                {
                    var w = weights[((co * s.InChannels + ci) * k + ky) * k + kx];
                    // Output columns whose tap ox*stride - padding + kx lands inside the row.
                    var oxFirst = Math.Max(0, CeilDiv(s.Padding - kx, s.Stride));
                    var oxLast = Math.Min(ow - 1, FloorDiv(s.Width - 1 + s.Padding - kx, s.Stride));
                    if (oxLast < oxFirst)
                        continue;
                    for (var oy = 0; oy < oh; oy++)
                    {
                        var iy = oy * s.Stride - s.Padding + ky;
                        if ((uint)iy >= (uint)s.Height)
                            continue;
                        var row = source + (long)iy * s.Width;
                        var destination = plane.Slice(oy * ow + oxFirst, oxLast - oxFirst + 1);
                        var ixFirst = oxFirst * s.Stride - s.Padding + kx;
                        if (s.Stride == 1)
                        {
                            var taps = new ReadOnlySpan<float>(row + ixFirst, destination.Length);
                            TensorPrimitives.MultiplyAdd(taps, w, destination, destination);
                        }
                        else
                        {
                            for (var x = 0; x < destination.Length; x++)
                                destination[x] += w * row[ixFirst + x * s.Stride];
                        }
                    }
                }
            }
        }
        if (s.Relu)
            TensorPrimitives.Max(plane, 0f, plane);
    }

    private static int CeilDiv(int a, int b) => a <= 0 ? -(-a / b) : (a + b - 1) / b;

    private static int FloorDiv(int a, int b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    public static void GlobalAveragePool(ReadOnlySpan<float> input, int batch, int channels, int height, int width, Span<float> output)
    {
        OpArguments.Pool(input.Length, batch, channels, height, width, output.Length);
        var plane = height * width;
        for (var i = 0; i < batch * channels; i++)
            output[i] = TensorPrimitives.Sum(input.Slice(i * plane, plane)) / plane;
    }

    public static void Dense(ReadOnlySpan<float> input, int batch, int inFeatures, int outFeatures, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, bool relu, Span<float> output)
    {
        OpArguments.Dense(input.Length, batch, inFeatures, outFeatures, weights.Length, bias.Length, output.Length);
        for (var n = 0; n < batch; n++)
        {
            var x = input.Slice(n * inFeatures, inFeatures);
            for (var o = 0; o < outFeatures; o++)
            {
                var value = bias[o] + TensorPrimitives.Dot(x, weights.Slice(o * inFeatures, inFeatures));
                output[n * outFeatures + o] = relu && value < 0f ? 0f : value;
            }
        }
    }

    public static void Softmax(ReadOnlySpan<float> input, int batch, int classes, Span<float> output)
    {
        OpArguments.Softmax(input.Length, batch, classes, output.Length);
        for (var n = 0; n < batch; n++)
        {
            var x = input.Slice(n * classes, classes);
            var y = output.Slice(n * classes, classes);
            // Subtracting the row maximum keeps exp finite for any logits.
            TensorPrimitives.Subtract(x, TensorPrimitives.Max(x), y);
            TensorPrimitives.Exp(y, y);
            TensorPrimitives.Divide(y, TensorPrimitives.Sum(y), y);
        }
    }
}
