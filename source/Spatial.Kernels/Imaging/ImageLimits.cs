namespace Spatial.Kernels.Imaging;

/// <summary>Largest image the decoder will allocate pixels for; checked against the header before decoding.</summary>
public sealed record ImageLimits
{
    /// <summary>8192 x 8192 per side, 40 megapixels in total.</summary>
    public static ImageLimits Default { get; } = new();

    /// <summary>Largest accepted width in pixels.</summary>
    public int MaxWidth { get; init; } = 8192;

    /// <summary>Largest accepted height in pixels.</summary>
    public int MaxHeight { get; init; } = 8192;

    /// <summary>Largest accepted width x height.</summary>
    public long MaxPixels { get; init; } = 40_000_000;

    internal void Validate()
    {
        if (MaxWidth < 1 || MaxHeight < 1 || MaxPixels < 1)
            throw new ArgumentException($"image limits must be positive, got {MaxWidth}x{MaxHeight}, {MaxPixels} pixels");
        // One RGB image must still fit one .NET array.
        if (MaxPixels > Array.MaxLength / 4)
            throw new ArgumentException($"MaxPixels may be at most {Array.MaxLength / 4}, got {MaxPixels}");
    }
}
