using System.Buffers;
using Spatial.Service.Problems;

namespace Spatial.Service.Images;

/// <summary>Reads a request body into memory without ever holding more than the configured limit.</summary>
public static class RequestBody
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>The whole body, or a <see cref="ProblemTypes.BodyTooLarge"/> rejection as soon as it passes <paramref name="maxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            throw TooLarge(maxBytes);

        using var body = new MemoryStream((int)Math.Min(request.ContentLength ?? ChunkSize, maxBytes));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBytes)
                    throw TooLarge(maxBytes);
                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }

    private static RequestRejectedException TooLarge(long maxBytes) =>
        new(ProblemTypes.BodyTooLarge, $"the body is larger than the limit of {maxBytes} bytes");
}
