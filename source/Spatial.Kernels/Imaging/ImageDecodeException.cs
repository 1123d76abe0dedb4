namespace Spatial.Kernels.Imaging;

/// <summary>An image could not be decoded; <see cref="Failure"/> says why in a form callers can map to a response.</summary>
public sealed class ImageDecodeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImageDecodeException(ImageDecodeFailure failure, string message, Exception? inner = null)
        : base(message, inner) => Failure = failure;

    /// <summary>Why decoding failed.</summary>
    public ImageDecodeFailure Failure { get; }
}
