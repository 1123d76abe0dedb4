using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Spatial.Models.Safetensors;

/// <summary>
/// A parsed safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's
/// dtype, shape and data offsets, then the raw little-endian data. Parsing validates everything the
/// header claims, so a file that loads is safe to index.
/// </summary>
public sealed class SafetensorsFile
{
    /// <summary>Largest header accepted by default (the reference implementation's limit).</summary>
    public const long DefaultMaxHeaderBytes = 100_000_000;

    private readonly ReadOnlyMemory<byte> _data;

    private SafetensorsFile(ReadOnlyMemory<byte> data, IReadOnlyDictionary<string, TensorEntry> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        _data = data;
        Tensors = tensors;
        Metadata = metadata;
    }

    /// <summary>Tensors by name.</summary>
    public IReadOnlyDictionary<string, TensorEntry> Tensors { get; }

    /// <summary>The optional <c>__metadata__</c> string map.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>
    /// Reads and validates the file at <paramref name="path"/>: the length prefix and the header first, checked against
    /// the file's length, and the data section only once the header has accounted for every byte of it, so memory is
    /// bounded by the header limit plus the declared tensors whatever the file claims.
    /// </summary>
    public static SafetensorsFile Read(string path, long maxHeaderBytes = DefaultMaxHeaderBytes)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return Read(stream, maxHeaderBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SafetensorsFormatException($"cannot read {Path.GetFileName(path)}: {e.Message}");
        }
    }

    /// <summary>Reads and validates a safetensors file from a seekable <paramref name="stream"/> positioned at its start.</summary>
    public static SafetensorsFile Read(Stream stream, long maxHeaderBytes = DefaultMaxHeaderBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var length = stream.Length - stream.Position;
        Span<byte> prefix = stackalloc byte[8];
        if (length < 8)
            throw new SafetensorsFormatException($"truncated: {length} bytes, fewer than the 8-byte header length");
        stream.ReadExactly(prefix);
        var headerLength = CheckHeaderLength(BinaryPrimitives.ReadUInt64LittleEndian(prefix), length - 8, maxHeaderBytes);
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        var (tensors, metadata) = ParseHeader(header);
        var dataLength = length - 8 - headerLength;
        ValidateLayout(tensors.Values, dataLength);
        if (dataLength > Array.MaxLength)
            throw new SafetensorsFormatException($"data section of {dataLength} bytes is larger than this reader holds ({Array.MaxLength})");
        var data = new byte[dataLength];
        stream.ReadExactly(data);
        return new SafetensorsFile(data, tensors, metadata);
    }

    /// <summary>Parses and validates a whole safetensors buffer.</summary>
    public static SafetensorsFile Parse(byte[] buffer, long maxHeaderBytes = DefaultMaxHeaderBytes)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (buffer.Length < 8)
            throw new SafetensorsFormatException($"truncated: {buffer.Length} bytes, fewer than the 8-byte header length");
        var headerLength = CheckHeaderLength(BinaryPrimitives.ReadUInt64LittleEndian(buffer), buffer.Length - 8, maxHeaderBytes);
        var dataStart = 8 + (int)headerLength;
        var (tensors, metadata) = ParseHeader(buffer.AsSpan(8, (int)headerLength));
        ValidateLayout(tensors.Values, buffer.Length - dataStart);
        return new SafetensorsFile(buffer.AsMemory(dataStart), tensors, metadata);
    }

    private static int CheckHeaderLength(ulong headerLength, long available, long maxHeaderBytes)
    {
        if (headerLength > (ulong)maxHeaderBytes)
            throw new SafetensorsFormatException($"header of {headerLength} bytes exceeds the {maxHeaderBytes}-byte limit");
        if (headerLength > (ulong)available)
            throw new SafetensorsFormatException($"truncated: header claims {headerLength} bytes but only {available} follow");
        if (headerLength > int.MaxValue)
            throw new SafetensorsFormatException($"header of {headerLength} bytes is larger than this reader holds");
        return (int)headerLength;
    }

    /// <summary>Raw bytes of one tensor.</summary>
    public ReadOnlySpan<byte> GetBytes(string name)
    {
        var entry = Find(name);
        return _data.Span.Slice((int)entry.Begin, (int)(entry.End - entry.Begin));
    }

    /// <summary>The values of an F32 tensor, flattened row-major.</summary>
    public float[] GetFloat32(string name)
    {
        var entry = Find(name);
        if (entry.DType != TensorDType.F32)
            throw new SafetensorsFormatException($"tensor '{name}' is {entry.DType}, expected {TensorDType.F32}");
        var bytes = GetBytes(name);
        var values = new float[entry.ElementCount];
        for (var i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * 4, 4));
        return values;
    }

    private TensorEntry Find(string name) =>
        Tensors.TryGetValue(name, out var entry) ? entry : throw new SafetensorsFormatException($"no tensor named '{name}'");

    private static (Dictionary<string, TensorEntry>, Dictionary<string, string>) ParseHeader(ReadOnlySpan<byte> header)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(header);
        }
        catch (DecoderFallbackException)
        {
            throw new SafetensorsFormatException("header is not valid UTF-8");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text.TrimEnd(' '));
        }
        catch (JsonException e)
        {
            throw new SafetensorsFormatException($"header is not valid JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new SafetensorsFormatException("header is not a JSON object");
            var tensors = new Dictionary<string, TensorEntry>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                    throw new SafetensorsFormatException($"header names '{property.Name}' twice");
                if (property.Name == "__metadata__")
                    ReadMetadata(property.Value, metadata);
                else
                    tensors[property.Name] = ReadEntry(property.Name, property.Value);
            }
            return (tensors, metadata);
        }
    }

    private static void ReadMetadata(JsonElement element, Dictionary<string, string> metadata)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new SafetensorsFormatException("__metadata__ is not an object");
        foreach (var item in element.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                throw new SafetensorsFormatException($"__metadata__ value '{item.Name}' is not a string");
            metadata[item.Name] = item.Value.GetString()!;
        }
    }

    private static TensorEntry ReadEntry(string name, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new SafetensorsFormatException($"tensor '{name}': entry is not an object");
        if (!element.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            throw new SafetensorsFormatException($"tensor '{name}': missing dtype");
        var dtype = dtypeElement.GetString()!;
        var elementSize = TensorDType.SizeOf(dtype)
            ?? throw new SafetensorsFormatException($"tensor '{name}': unknown dtype '{dtype}'");
        var shape = ReadIntegers(name, element, "shape");
        if (shape.Any(d => d < 0))
            throw new SafetensorsFormatException($"tensor '{name}': negative dimension in shape");
        var offsets = ReadIntegers(name, element, "data_offsets");
        if (offsets.Count != 2)
            throw new SafetensorsFormatException($"tensor '{name}': data_offsets must hold two numbers");
        var entry = new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
        if (entry.Begin < 0 || entry.End < entry.Begin)
            throw new SafetensorsFormatException($"tensor '{name}': data_offsets [{entry.Begin}, {entry.End}] are not an ascending pair");
        long count;
        try
        {
            count = entry.ElementCount;
        }
        catch (OverflowException)
        {
            // Unchecked, [2^62 + 1, 4] wraps to 4 elements and would match 16 bytes of offsets.
            throw new SafetensorsFormatException($"tensor '{name}': shape {entry.ShapeText} has more elements than a 64-bit count holds");
        }
        if (count > long.MaxValue / elementSize)
            throw new SafetensorsFormatException($"tensor '{name}': shape {entry.ShapeText} of {dtype} needs more bytes than a 64-bit offset holds");
        var expected = count * elementSize;
        if (entry.End - entry.Begin != expected)
            throw new SafetensorsFormatException($"tensor '{name}': shape {entry.ShapeText} of {dtype} needs {expected} bytes but data_offsets span {entry.End - entry.Begin}");
        return entry;
    }

    private static List<long> ReadIntegers(string name, JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new SafetensorsFormatException($"tensor '{name}': missing {property}");
        var values = new List<long>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var value))
                throw new SafetensorsFormatException($"tensor '{name}': {property} holds a non-integer");
            values.Add(value);
        }
        return values;
    }

    // Tensors must tile the data section exactly: no overlap, no gap, nothing past the end.
    private static void ValidateLayout(IEnumerable<TensorEntry> tensors, long dataLength)
    {
        long cursor = 0;
        foreach (var entry in tensors.OrderBy(t => t.Begin).ThenBy(t => t.End))
        {
            if (entry.End > dataLength)
                throw new SafetensorsFormatException($"tensor '{entry.Name}': data_offsets [{entry.Begin}, {entry.End}] run past the {dataLength}-byte data section (truncated file?)");
            if (entry.Begin < cursor)
                throw new SafetensorsFormatException($"tensor '{entry.Name}': data_offsets [{entry.Begin}, {entry.End}] overlap another tensor");
            if (entry.Begin > cursor)
                throw new SafetensorsFormatException($"tensor '{entry.Name}': gap of {entry.Begin - cursor} bytes before its data");
            cursor = entry.End;
        }
        if (cursor != dataLength)
            throw new SafetensorsFormatException($"{dataLength - cursor} trailing bytes after the last tensor");
    }
}
