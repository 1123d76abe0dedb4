namespace Spatial.Models.Safetensors;

/// <summary>A safetensors file that breaks the format: bad header, unknown dtype, inconsistent shape or offsets.</summary>
public sealed class SafetensorsFormatException(string message) : Exception(message);
