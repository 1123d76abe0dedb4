namespace Spatial.Models.Safetensors;

/// <summary>A float32 tensor to write: name, shape and row-major values.</summary>
public sealed record Float32Tensor(string Name, IReadOnlyList<int> Shape, float[] Values);
