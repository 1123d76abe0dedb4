using System.Buffers.Binary;
using System.Text;

namespace Spatial.Models.Tests;

/// <summary>Hand-built safetensors buffers, for headers the writer would never produce.</summary>
internal static class SafetensorsBytes
{
    /// <summary>An 8-byte length, <paramref name="json"/> as the header, then <paramref name="dataBytes"/> zero bytes.</summary>
    public static byte[] WithHeader(string json, int dataBytes)
    {
        var header = Encoding.UTF8.GetBytes(json);
        var buffer = new byte[8 + header.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, (ulong)header.Length);
        header.CopyTo(buffer, 8);
        return buffer;
    }
}
