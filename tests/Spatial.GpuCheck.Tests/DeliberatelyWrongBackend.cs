using Spatial.Kernels;
using Spatial.Kernels.Cpu;

namespace Spatial.GpuCheck.Tests;

/// <summary>
/// The vectorised CPU path with one operation's every output shifted by <c>error</c>, or that operation throwing
/// <c>failure</c>: a wrong or broken kernel the check must catch.
/// </summary>
internal sealed class DeliberatelyWrongBackend(string wrongKernel, float error, Exception? failure = null) : IKernelBackend
{
    private readonly CpuKernelBackend _inner = new();

    public AcceleratorChoice Kind => _inner.Kind;

    public AcceleratorDescription Device => _inner.Device;

    public void Preprocess(IReadOnlyList<RgbImage> images, PreprocessSpec spec, Span<float> output)
    {
        _inner.Preprocess(images, spec, output);
        Spoil(KernelNames.Preprocess, output);
    }

    public void ExtractSpatialFeatures(IReadOnlyList<RgbImage> images, SpatialFeatureSpec spec, Span<float> output)
    {
        _inner.ExtractSpatialFeatures(images, spec, output);
        Spoil(KernelNames.Features, output);
    }

    public void Conv2d(ReadOnlySpan<float> input, Conv2dShape shape, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output)
    {
        _inner.Conv2d(input, shape, weights, bias, output);
        Spoil(KernelNames.Conv2d, output);
    }

    public void GlobalAveragePool(ReadOnlySpan<float> input, int batch, int channels, int height, int width, Span<float> output)
    {
        _inner.GlobalAveragePool(input, batch, channels, height, width, output);
        Spoil(KernelNames.Pool, output);
    }

    public void Dense(ReadOnlySpan<float> input, int batch, int inFeatures, int outFeatures, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, bool relu, Span<float> output)
    {
        _inner.Dense(input, batch, inFeatures, outFeatures, weights, bias, relu, output);
        Spoil(KernelNames.Dense, output);
    }

    public void Softmax(ReadOnlySpan<float> input, int batch, int classes, Span<float> output)
    {
        _inner.Softmax(input, batch, classes, output);
        Spoil(KernelNames.Softmax, output);
    }

    public void Dispose() => _inner.Dispose();

    private void Spoil(string kernel, Span<float> output)
    {
        if (kernel != wrongKernel)
            return;
        if (failure is not null)
            throw failure;
        foreach (ref var value in output)
            value += error;
    }
}
