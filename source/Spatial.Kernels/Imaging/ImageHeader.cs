namespace Spatial.Kernels.Imaging;

/// <summary>What an encoded image's header says, read without decoding pixels.</summary>
public readonly record struct ImageHeader(ImageFormat Format, int Width, int Height)
{
    /// <summary>Width times height.</summary>
    public long PixelCount => (long)Width * Height;
}
