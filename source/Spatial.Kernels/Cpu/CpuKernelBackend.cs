namespace Spatial.Kernels.Cpu;

/// <summary>
/// The default backend without a GPU: vectorised managed code (System.Runtime.Intrinsics, System.Numerics.Tensors)
/// parallel over the cores, held to the ILGPU kernels by the parity suite.
/// </summary>
public sealed class CpuKernelBackend : IKernelBackend
{
    private readonly int _parallelism;

    /// <summary>Creates the backend; <paramref name="maxDegreeOfParallelism"/> defaults to the processor count.</summary>
    public CpuKernelBackend(int? maxDegreeOfParallelism = null)
    {
        if (maxDegreeOfParallelism is < 1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), "must be at least 1");
        _parallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        Device = AcceleratorCatalog.DescribeCpu(AcceleratorChoice.Cpu);
    }

    /// <inheritdoc />
    public AcceleratorChoice Kind => AcceleratorChoice.Cpu;

    /// <inheritdoc />
    public AcceleratorDescription Device { get; }

    /// <inheritdoc />
    public void Preprocess(IReadOnlyList<RgbImage> images, PreprocessSpec spec, Span<float> output) =>
        CpuPreprocess.Run(images, spec, output, _parallelism);

    /// <inheritdoc />
    public void ExtractSpatialFeatures(IReadOnlyList<RgbImage> images, SpatialFeatureSpec spec, Span<float> output) =>
        CpuSpatialFeatures.Run(images, spec, output, _parallelism);

    /// <inheritdoc />
    public void Conv2d(ReadOnlySpan<float> input, Conv2dShape shape, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output) =>
        CpuEncoderOps.Conv2d(input, shape, weights, bias, output, _parallelism);

    /// <inheritdoc />
    public void GlobalAveragePool(ReadOnlySpan<float> input, int batch, int channels, int height, int width, Span<float> output) =>
        CpuEncoderOps.GlobalAveragePool(input, batch, channels, height, width, output);

    /// <inheritdoc />
    public void Dense(ReadOnlySpan<float> input, int batch, int inFeatures, int outFeatures, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, bool relu, Span<float> output) =>
        CpuEncoderOps.Dense(input, batch, inFeatures, outFeatures, weights, bias, relu, output);

    /// <inheritdoc />
    public void Softmax(ReadOnlySpan<float> input, int batch, int classes, Span<float> output) =>
        CpuEncoderOps.Softmax(input, batch, classes, output);

    /// <summary>Nothing to release: the CPU backend holds no native resources.</summary>
    public void Dispose()
    {
    }
}
