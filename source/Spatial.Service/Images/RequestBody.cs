using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Spatial.Service.Problems;

namespace Spatial.Service.Images;

/// <summary>
/// Reads a request body into memory without ever holding more than the configured limit, and turns transport
/// faults (too large, too slow, cut off) into request problems, so none of them is reported as a server error.
/// </summary>
public static class RequestBody
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>How many times the limit an oversized body is read and dropped for, so a client that sends without <c>Expect: 100-continue</c> finishes writing and reads the 413.</summary>
    public const int DiscardFactor = 4;

    /// <summary>
    /// The whole body, or a rejection: <see cref="ProblemTypes.BodyTooLarge"/> as soon as it passes <paramref name="maxBytes"/>
    /// (after discarding up to <see cref="DiscardFactor"/> times the limit), <see cref="ProblemTypes.RequestTimeout"/> when it
    /// arrives below the server's minimum data rate, <see cref="ProblemTypes.IncompleteBody"/> when the connection ends early.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var discardBound = maxBytes * DiscardFactor;
        // The server's own cap equals the limit; lift it to the discard bound, which this reader enforces from here on.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } cap)
            cap.MaxRequestBodySize = discardBound + ChunkSize;

        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            if (request.ContentLength > maxBytes)
                throw await DiscardAsync(request, chunk, 0, maxBytes, cancellationToken).ConfigureAwait(false);

            using var body = new MemoryStream((int)Math.Min(request.ContentLength ?? ChunkSize, maxBytes));
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBytes)
                    throw await DiscardAsync(request, chunk, body.Length + read, maxBytes, cancellationToken).ConfigureAwait(false);
                body.Write(chunk, 0, read);
            }
            return body.GetBuffer().AsMemory(0, (int)body.Length);
        }
        catch (BadHttpRequestException exception)
        {
            throw Fault(exception, maxBytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>The problem for a request body the server refused to deliver.</summary>
    public static RequestRejectedException Fault(BadHttpRequestException exception, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => TooLarge(maxBytes),
            StatusCodes.Status408RequestTimeout => new RequestRejectedException(ProblemTypes.RequestTimeout,
                "the body arrived more slowly than the server's minimum data rate; send it at full speed"),
            _ => new RequestRejectedException(ProblemTypes.IncompleteBody, $"the body could not be read: {exception.Message}"),
        };
    }

    // Reads and drops what the client still sends, up to the discard bound; past it, the answer goes out and the connection closes.
    private static async Task<RequestRejectedException> DiscardAsync(HttpRequest request, byte[] chunk, long consumed, long maxBytes, CancellationToken cancellationToken)
    {
        var bound = maxBytes * DiscardFactor;
        if (request.ContentLength is not > 0 || request.ContentLength <= bound)
        {
            int read;
            while (consumed <= bound && (read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
                consumed += read;
        }
        if (consumed > bound || request.ContentLength > bound)
            request.HttpContext.Response.Headers.Connection = "close";
        return TooLarge(maxBytes);
    }

    private static RequestRejectedException TooLarge(long maxBytes) =>
        new(ProblemTypes.BodyTooLarge, $"the body is larger than the limit of {maxBytes} bytes");
}
