namespace Spatial.Kernels;

/// <summary>Shape and hyper-parameters of one 2-D convolution (square kernel, symmetric zero padding).</summary>
public readonly record struct Conv2dShape(
    int Batch, int InChannels, int Height, int Width,
    int OutChannels, int KernelSize, int Stride, int Padding, bool Relu)
{
    /// <summary>Output height.</summary>
    public int OutHeight => (Height + 2 * Padding - KernelSize) / Stride + 1;

    /// <summary>Output width.</summary>
    public int OutWidth => (Width + 2 * Padding - KernelSize) / Stride + 1;
}
