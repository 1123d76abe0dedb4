namespace Spatial.Kernels;

/// <summary>An 8-bit RGB image, interleaved (R, G, B per pixel), rows packed without padding.</summary>
public sealed class RgbImage
{
    /// <summary>Creates an image over <paramref name="pixels"/>, which must hold exactly width*height*3 bytes.</summary>
    public RgbImage(int width, int height, ReadOnlyMemory<byte> pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != (long)width * height * 3)
            throw new ArgumentException($"an RGB image of {width}x{height} needs {(long)width * height * 3} bytes, got {pixels.Length}", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Interleaved RGB bytes, row after row.</summary>
    public ReadOnlyMemory<byte> Pixels { get; }
}
