using System.Buffers.Binary;
using System.Text.Json;

namespace Spatial.Models.Safetensors;

/// <summary>Writes safetensors files byte-for-byte deterministically (tensors sorted by name, header padded to 8 bytes).</summary>
public static class SafetensorsWriter
{
    /// <summary>Serialises <paramref name="tensors"/> (and optional metadata) to a safetensors buffer.</summary>
    public static byte[] ToBytes(IEnumerable<Float32Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var ordered = tensors.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        using var headerStream = new MemoryStream();
        long offset = 0;
        using (var json = new Utf8JsonWriter(headerStream))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
                    json.WriteString(key, value);
                json.WriteEndObject();
            }
            foreach (var tensor in ordered)
            {
                var count = tensor.Shape.Aggregate(1L, (p, d) => p * d);
                if (count != tensor.Values.Length)
                    throw new ArgumentException($"tensor '{tensor.Name}': shape [{string.Join(", ", tensor.Shape)}] holds {count} values, got {tensor.Values.Length}");
                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", TensorDType.F32);
                json.WriteStartArray("shape");
                foreach (var dim in tensor.Shape)
                    json.WriteNumberValue(dim);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + count * 4);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += count * 4;
            }
            json.WriteEndObject();
        }
        // Pad with spaces so the data section starts 8-byte aligned, as the reference writer does.
        var rawHeader = headerStream.ToArray();
        var headerBytes = new byte[(rawHeader.Length + 7) / 8 * 8];
        rawHeader.CopyTo(headerBytes, 0);
        headerBytes.AsSpan(rawHeader.Length).Fill((byte)' ');
        var buffer = new byte[8 + headerBytes.Length + offset];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, (ulong)headerBytes.Length);
        headerBytes.CopyTo(buffer, 8);
        var cursor = 8 + headerBytes.Length;
        foreach (var tensor in ordered)
        {
            foreach (var value in tensor.Values)
            {
                BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(cursor, 4), value);
                cursor += 4;
            }
        }
        return buffer;
    }

    /// <summary>Writes a safetensors file.</summary>
    public static void Write(string path, IEnumerable<Float32Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null) =>
        File.WriteAllBytes(path, ToBytes(tensors, metadata));
}
