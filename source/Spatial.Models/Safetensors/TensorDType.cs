namespace Spatial.Models.Safetensors;

/// <summary>Element types of the safetensors format and their sizes in bytes.</summary>
public static class TensorDType
{
    /// <summary>32-bit IEEE float, the only type model weights use.</summary>
    public const string F32 = "F32";

    private static readonly Dictionary<string, int> Sizes = new(StringComparer.Ordinal)
    {
        ["BOOL"] = 1, ["U8"] = 1, ["I8"] = 1, ["F8_E4M3"] = 1, ["F8_E5M2"] = 1,
        ["I16"] = 2, ["U16"] = 2, ["F16"] = 2, ["BF16"] = 2,
        ["I32"] = 4, ["U32"] = 4, ["F32"] = 4,
        ["I64"] = 8, ["U64"] = 8, ["F64"] = 8,
    };

    /// <summary>Bytes per element of <paramref name="dtype"/>, or null when the format does not define it.</summary>
    public static int? SizeOf(string dtype) => Sizes.TryGetValue(dtype, out var size) ? size : null;
}
