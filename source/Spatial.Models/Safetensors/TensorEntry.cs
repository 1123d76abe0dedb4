namespace Spatial.Models.Safetensors;

/// <summary>One tensor described by a safetensors header; offsets are relative to the start of the data section.</summary>
public sealed record TensorEntry(string Name, string DType, IReadOnlyList<long> Shape, long Begin, long End)
{
    /// <summary>Number of elements (1 for a scalar).</summary>
    /// <exception cref="OverflowException">The product does not fit 64 bits (the reader refuses such headers, so a loaded entry never throws).</exception>
    public long ElementCount => Shape.Aggregate(1L, (product, dim) => checked(product * dim));

    /// <summary>Shape as text, e.g. [8, 3, 3, 3].</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
