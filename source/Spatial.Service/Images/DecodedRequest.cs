namespace Spatial.Service.Images;

/// <summary>The decoded images of one request and their share of the <see cref="DecodedPixelBudget"/>, returned on dispose.</summary>
public sealed class DecodedRequest(IReadOnlyList<UploadedImage> images, IDisposable reservation) : IDisposable
{
    /// <summary>The images in request order.</summary>
    public IReadOnlyList<UploadedImage> Images { get; } = images;

    /// <inheritdoc />
    public void Dispose() => reservation.Dispose();
}
