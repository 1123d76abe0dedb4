namespace Spatial.Kernels.Imaging;

/// <summary>Encoded image formats the decoder accepts.</summary>
public enum ImageFormat
{
    /// <summary>Portable Network Graphics.</summary>
    Png,

    /// <summary>JPEG (JFIF/EXIF).</summary>
    Jpeg,
}
