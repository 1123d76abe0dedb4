using System.Runtime.InteropServices;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Spatial.Service.Problems;

namespace Spatial.Service.Images;

/// <summary>Splits a buffered multipart/form-data body into its image parts (file parts, or parts typed image/*).</summary>
public static class MultipartImageParts
{
    // RFC 2046 caps boundaries at 70 characters.
    private const int MaxBoundaryLength = 70;

    /// <summary>The image parts of <paramref name="body"/>, at most <paramref name="maxImages"/> of them.</summary>
    public static async Task<IReadOnlyList<(string? Name, ReadOnlyMemory<byte> Data)>> ReadAsync(
        MediaTypeHeaderValue contentType, ReadOnlyMemory<byte> body, int maxImages, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength)
            throw new RequestRejectedException(ProblemTypes.MalformedMultipart, "multipart/form-data needs a boundary parameter of 1 to 70 characters");

        var parts = new List<(string?, ReadOnlyMemory<byte>)>();
        using var stream = MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);
        var reader = new MultipartReader(boundary, stream) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024, BodyLengthLimit = body.Length };
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                var disposition = section.GetContentDispositionHeader();
                var isImage = disposition?.IsFileDisposition() == true
                    || (section.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ?? false);
                if (!isImage)
                    continue;
                if (parts.Count == maxImages)
                    throw new RequestRejectedException(ProblemTypes.TooManyImages, $"at most {maxImages} image(s) are accepted per request");
                using var data = new MemoryStream();
                await section.Body.CopyToAsync(data, cancellationToken).ConfigureAwait(false);
                var name = disposition?.FileName.Value ?? disposition?.Name.Value;
                parts.Add((name, data.ToArray()));
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or FormatException)
        {
            throw new RequestRejectedException(ProblemTypes.MalformedMultipart, $"the multipart body cannot be read: {exception.Message}");
        }

        if (parts.Count == 0)
            throw new RequestRejectedException(ProblemTypes.NoImage, "the multipart body has no file part (send each image as a file part)");
        return parts;
    }
}
