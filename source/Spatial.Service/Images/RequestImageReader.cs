using System.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Spatial.Kernels.Imaging;
using Spatial.Service.Options;
using Spatial.Service.Problems;

namespace Spatial.Service.Images;

/// <summary>
/// Turns a request into decoded images: checks size, content type and multipart structure, then decodes with
/// the kernel library's decoder, which reads dimensions from the header and refuses oversized images before
/// decoding any pixel. Every refusal is a <see cref="RequestRejectedException"/> with a stable problem type.
/// </summary>
public sealed class RequestImageReader(IOptions<LimitsOptions> options, DecodedPixelBudget budget)
{
    /// <summary>Content types taken as a single raw image body.</summary>
    public static readonly IReadOnlyList<string> ImageContentTypes = ["image/png", "image/jpeg"];

    /// <summary>Content type taken as one or more image parts.</summary>
    public const string MultipartContentType = "multipart/form-data";

    // Common aliases of image/jpeg sent by older clients.
    private static readonly string[] JpegAliases = ["image/jpg", "image/pjpeg"];

    private readonly LimitsOptions _limits = options.Value;

    private readonly ImageLimits _imageLimits = new()
    {
        MaxWidth = options.Value.MaxImageWidth,
        MaxHeight = options.Value.MaxImageHeight,
        MaxPixels = options.Value.MaxImagePixels,
    };

    /// <summary>
    /// Reads and decodes the request's images: exactly one for a raw body, 1..<paramref name="maxImages"/> for multipart.
    /// Their headers are summed against <see cref="LimitsOptions.MaxRequestPixels"/> and the pixels reserved in the
    /// <see cref="DecodedPixelBudget"/> before any is decoded; the caller disposes the result once the pixels are no longer needed.
    /// </summary>
    public async Task<DecodedRequest> ReadAsync(HttpRequest request, int maxImages, CancellationToken cancellationToken)
    {
        var parts = await ReadEncodedAsync(request, maxImages, cancellationToken).ConfigureAwait(false);
        // An image over the per-image limit counts at that limit here; decoding then refuses it with its own problem.
        var pixels = parts.Sum(part => Math.Min(DeclaredPixels(part.Name, part.Data), _limits.MaxImagePixels));
        if (pixels > _limits.MaxRequestPixels)
        {
            throw new RequestRejectedException(ProblemTypes.RequestPixelsTooLarge,
                $"the {parts.Count} image(s) declare {pixels} pixels together; a request may hold at most {_limits.MaxRequestPixels}");
        }
        var reservation = await budget.TryReserveAsync(pixels, TimeSpan.FromMilliseconds(_limits.DecodeWaitMilliseconds), cancellationToken).ConfigureAwait(false)
            ?? throw new RequestRejectedException(ProblemTypes.InferenceUnavailable,
                $"other requests hold the decoding budget of {_limits.MaxDecodedPixelsInFlight} pixels; retry shortly");
        try
        {
            // One part at a time: the codec's RGBA buffer of one image is garbage before the next is decoded.
            var images = new UploadedImage[parts.Count];
            for (var i = 0; i < parts.Count; i++)
                images[i] = Decode(parts[i].Name, parts[i].Data);
            return new DecodedRequest(images, reservation);
        }
        catch
        {
            reservation.Dispose();
            throw;
        }
    }

    private async Task<IReadOnlyList<(string? Name, ReadOnlyMemory<byte> Data)>> ReadEncodedAsync(HttpRequest request, int maxImages, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
            throw new RequestRejectedException(ProblemTypes.EmptyBody, "send the image bytes as the request body");

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
        {
            throw new RequestRejectedException(ProblemTypes.UnsupportedContentType,
                $"set Content-Type to {string.Join(", ", ImageContentTypes)} or {MultipartContentType}");
        }

        var mediaType = contentType.MediaType.Value ?? "";
        if (IsImageType(mediaType))
        {
            var body = await RequestBody.ReadAsync(request, _limits.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
            return [(null, body)];
        }
        if (mediaType.Equals(MultipartContentType, StringComparison.OrdinalIgnoreCase))
        {
            var body = await RequestBody.ReadAsync(request, _limits.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
            if (body.IsEmpty)
                throw new RequestRejectedException(ProblemTypes.EmptyBody, "the multipart body is empty");
            return await MultipartImageParts.ReadAsync(contentType, body, maxImages, cancellationToken).ConfigureAwait(false);
        }
        throw new RequestRejectedException(ProblemTypes.UnsupportedContentType,
            $"'{mediaType}' is not accepted; use {string.Join(", ", ImageContentTypes)} or {MultipartContentType}");
    }

    private static long DeclaredPixels(string? name, ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty)
            return 0;
        try
        {
            return ImageDecoder.ReadHeader(data.Span).PixelCount;
        }
        catch (ImageDecodeException exception)
        {
            throw new RequestRejectedException(ProblemTypeOf(exception.Failure), $"{Label(name)}: {exception.Message}");
        }
    }

    private static string Label(string? name) => name is null ? "the body" : $"part '{name}'";

    private UploadedImage Decode(string? name, ReadOnlyMemory<byte> data)
    {
        var label = Label(name);
        if (data.IsEmpty)
            throw new RequestRejectedException(ProblemTypes.EmptyBody, $"{label} is empty");

        var started = Stopwatch.GetTimestamp();
        try
        {
            var image = ImageDecoder.Decode(data.Span, _imageLimits);
            return new UploadedImage(name, image, Stopwatch.GetElapsedTime(started));
        }
        catch (ImageDecodeException exception)
        {
            throw new RequestRejectedException(ProblemTypeOf(exception.Failure), $"{label}: {exception.Message}");
        }
    }

    private static bool IsImageType(string mediaType) =>
        ImageContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase) || JpegAliases.Contains(mediaType, StringComparer.OrdinalIgnoreCase);

    /// <summary>The problem type reported for each decoder failure.</summary>
    public static ProblemType ProblemTypeOf(ImageDecodeFailure failure) => failure switch
    {
        ImageDecodeFailure.Empty => ProblemTypes.EmptyBody,
        ImageDecodeFailure.NotAnImage => ProblemTypes.NotAnImage,
        ImageDecodeFailure.UnsupportedFormat => ProblemTypes.UnsupportedImageFormat,
        ImageDecodeFailure.Truncated => ProblemTypes.TruncatedImage,
        ImageDecodeFailure.DimensionsTooLarge => ProblemTypes.ImageDimensionsTooLarge,
        ImageDecodeFailure.Corrupt => ProblemTypes.CorruptImage,
        _ => ProblemTypes.CorruptImage,
    };
}
