using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Spatial.Service.Tests.Support;

/// <summary>
/// One HTTP/1.1 exchange over a plain socket to 127.0.0.1, for what HttpClient hides: a body written slowly, a
/// body written while the answer is already coming back, and whether the connection was cut before an answer.
/// </summary>
internal sealed class RawHttpConnection : IAsyncDisposable
{
    private readonly TcpClient _client = new();
    private NetworkStream _stream = null!;

    public static async Task<RawHttpConnection> OpenAsync(int port)
    {
        var connection = new RawHttpConnection();
        await connection._client.ConnectAsync(IPAddress.Loopback, port);
        connection._stream = connection._client.GetStream();
        return connection;
    }

    public Task SendHeadAsync(string path, string contentType, long? contentLength)
    {
        var length = contentLength is { } n ? $"Content-Length: {n}\r\n" : "Transfer-Encoding: chunked\r\n";
        var head = $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {contentType}\r\n{length}\r\n";
        return _stream.WriteAsync(Encoding.ASCII.GetBytes(head)).AsTask();
    }

    /// <summary>Writes raw bytes; false once the server has closed or reset the connection.</summary>
    public async Task<bool> TryWriteAsync(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            await _stream.WriteAsync(bytes);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Reads until the server closes or <paramref name="timeout"/> passes; the text received, or null when the connection was reset before any byte of an answer.</summary>
    public async Task<string?> ReadAnswerAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer, cancel.Token)) > 0)
            {
                received.Write(buffer, 0, read);
                var text = Encoding.UTF8.GetString(received.ToArray());
                if (IsComplete(text))
                    break;
            }
        }
        catch (IOException) when (received.Length == 0)
        {
            return null;
        }
        catch (IOException)
        {
            // A reset after the answer arrived still leaves the answer.
        }
        catch (OperationCanceledException)
        {
            // Timed out: whatever arrived is the answer.
        }
        return Encoding.UTF8.GetString(received.ToArray());
    }

    private static bool IsComplete(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
            return false;
        var head = text[..end];
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return lengthLine is not null && text.Length - end - 4 >= int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }
}
