namespace Spatial.Kernels.Imaging;

/// <summary>Why an image could not be decoded.</summary>
public enum ImageDecodeFailure
{
    /// <summary>No bytes at all.</summary>
    Empty,

    /// <summary>The bytes are not an image in any format we recognise.</summary>
    NotAnImage,

    /// <summary>A recognised image format that is not accepted (GIF, BMP, WebP, ...).</summary>
    UnsupportedFormat,

    /// <summary>The data ends before the image does.</summary>
    Truncated,

    /// <summary>The header declares dimensions beyond the configured limits.</summary>
    DimensionsTooLarge,

    /// <summary>The data is damaged or inconsistent.</summary>
    Corrupt,
}
