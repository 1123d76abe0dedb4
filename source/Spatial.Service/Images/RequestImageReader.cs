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
public sealed class RequestImageReader(IOptions<LimitsOptions> options)
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

    /// <summary>Reads and decodes the request's images: exactly one for a raw body, 1..<paramref name="maxImages"/> for multipart.</summary>
    public async Task<IReadOnlyList<UploadedImage>> ReadAsync(HttpRequest request, int maxImages, CancellationToken cancellationToken)
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
            return [Decode(null, body)];
        }
        if (mediaType.Equals(MultipartContentType, StringComparison.OrdinalIgnoreCase))
        {
            var body = await RequestBody.ReadAsync(request, _limits.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
            if (body.IsEmpty)
                throw new RequestRejectedException(ProblemTypes.EmptyBody, "the multipart body is empty");
            var parts = await MultipartImageParts.ReadAsync(contentType, body, maxImages, cancellationToken).ConfigureAwait(false);
            var images = new UploadedImage[parts.Count];
            for (var i = 0; i < parts.Count; i++)
                images[i] = Decode(parts[i].Name, parts[i].Data);
            return images;
        }
        throw new RequestRejectedException(ProblemTypes.UnsupportedContentType,
            $"'{mediaType}' is not accepted; use {string.Join(", ", ImageContentTypes)} or {MultipartContentType}");
    }

    private UploadedImage Decode(string? name, ReadOnlyMemory<byte> data)
    {
        var label = name is null ? "the body" : $"part '{name}'";
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
