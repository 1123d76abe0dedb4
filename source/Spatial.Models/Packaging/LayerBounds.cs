namespace Spatial.Models;

/// <summary>
/// Sane bounds on declared layers, checked before weights are read or a kernel runs. They are far above any model
/// this library serves and far below where sizes overflow, so a hostile manifest is refused with the layer's name
/// instead of reaching native code with wrapped sizes.
/// </summary>
internal static class LayerBounds
{
    /// <summary>Largest preprocessed input side.</summary>
    public const int MaxInputSide = 8192;

    /// <summary>Largest kernel size and stride.</summary>
    public const int MaxKernel = 255;

    /// <summary>Most channels of a conv layer, features of a dense layer.</summary>
    public const int MaxWidth = 65_536;

    /// <summary>Most values one image's activation or one layer's weights may hold (256 MiB of float32).</summary>
    public const long MaxElements = 1L << 26;

    /// <summary>Null when the conv layer fits an input of <paramref name="height"/> x <paramref name="width"/>; else what is wrong, to follow its name.</summary>
    public static string? ConvProblem(LayerSpec layer, long height, long width)
    {
        if (layer.KernelSize is < 1 or > MaxKernel)
            return $"has kernel size {layer.KernelSize}; it must be 1 to {MaxKernel}";
        if (layer.Stride is < 1 or > MaxKernel)
            return $"has stride {layer.Stride}; it must be 1 to {MaxKernel}";
        if (layer.Padding < 0 || layer.Padding >= layer.KernelSize)
            return $"has padding {layer.Padding}; it must be 0 to {layer.KernelSize - 1} for kernel size {layer.KernelSize}";
        if (layer.Outputs is < 1 or > MaxWidth)
            return $"has {layer.Outputs} output channels; it must be 1 to {MaxWidth}";
        var (outHeight, outWidth) = (ConvOutput(height, layer), ConvOutput(width, layer));
        if (outHeight < 1 || outWidth < 1)
            return $"with kernel size {layer.KernelSize} and padding {layer.Padding} does not fit its {height}x{width} input";
        if ((long)layer.Outputs * outHeight * outWidth > MaxElements)
            return $"produces {layer.Outputs}x{outHeight}x{outWidth} values per image, more than {MaxElements}";
        if ((long)layer.Outputs * layer.Inputs * layer.KernelSize * layer.KernelSize > MaxElements)
            return $"has {layer.Outputs}x{layer.Inputs}x{layer.KernelSize}x{layer.KernelSize} weights, more than {MaxElements}";
        return null;
    }

    /// <summary>Null when the dense layer's sizes are within bounds; else what is wrong.</summary>
    public static string? DenseProblem(LayerSpec layer)
    {
        if (layer.Inputs > MaxWidth * 16 || layer.Outputs > MaxWidth)
            return $"has {layer.Inputs} inputs and {layer.Outputs} outputs; at most {MaxWidth * 16} and {MaxWidth}";
        if ((long)layer.Outputs * layer.Inputs > MaxElements)
            return $"has {layer.Outputs}x{layer.Inputs} weights, more than {MaxElements}";
        return null;
    }

    /// <summary>Output side of a conv layer over an input side, in 64 bits (bounded inputs, so no overflow).</summary>
    public static long ConvOutput(long side, LayerSpec layer) => (side + 2L * layer.Padding - layer.KernelSize) / layer.Stride + 1;
}
