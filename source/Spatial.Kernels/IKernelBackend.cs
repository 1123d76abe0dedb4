namespace Spatial.Kernels;

/// <summary>
/// One contract for every backend (vectorised CPU, ILGPU CPU, CUDA). All tensors are float32, row-major,
/// batch first. Implementations validate shapes and throw <see cref="ArgumentException"/> on mismatch.
/// </summary>
public interface IKernelBackend : IDisposable
{
    /// <summary>Which backend this is.</summary>
    AcceleratorChoice Kind { get; }

    /// <summary>The device this backend runs on.</summary>
    AcceleratorDescription Device { get; }

    /// <summary>Interleaved RGB8 images of any size to planar CHW float32 at the spec's size: output [batch, 3, H, W].</summary>
    void Preprocess(IReadOnlyList<RgbImage> images, PreprocessSpec spec, Span<float> output);

    /// <summary>Per-patch spatial features on a G x G grid: output [batch, G*G, F] where F = spec.FeatureCount.</summary>
    void ExtractSpatialFeatures(IReadOnlyList<RgbImage> images, SpatialFeatureSpec spec, Span<float> output);

    /// <summary>2-D convolution with bias and optional fused ReLU. input [N, Cin, H, W], weights [Cout, Cin, K, K], bias [Cout], output [N, Cout, Hout, Wout].</summary>
    void Conv2d(ReadOnlySpan<float> input, Conv2dShape shape, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output);

    /// <summary>Global average pooling: input [N, C, H, W], output [N, C].</summary>
    void GlobalAveragePool(ReadOnlySpan<float> input, int batch, int channels, int height, int width, Span<float> output);

    /// <summary>Dense layer with optional fused ReLU: input [N, In], weights [Out, In], bias [Out], output [N, Out].</summary>
    void Dense(ReadOnlySpan<float> input, int batch, int inFeatures, int outFeatures, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, bool relu, Span<float> output);

    /// <summary>Numerically stable softmax over the last axis: input and output [N, classes].</summary>
    void Softmax(ReadOnlySpan<float> input, int batch, int classes, Span<float> output);
}
